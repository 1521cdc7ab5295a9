using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Clients.Contacts;
using Platform.Clients.Projects;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Clients.Privacy;

/// <summary>
/// A do-not-call request taken outside a call's outcome (a letter, an e-mail, a number the person gave on another line):
/// the number is bound in the project's client company, or in the whole call center, whether or not it is a contact yet.
/// </summary>
public static class DoNotCallApi
{
    public static void MapDoNotCallApi(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/clients/projects/{projectId:guid}/do-not-call", RecordDoNotCall)
            .WithTags("Privacy").WithName("RecordDoNotCall").RequireAuthorization(Policies.Staff)
            .WithSummary("Record a do-not-call request for a number: every project of the project's client company (scope client_company, the default) or of the call center (call_center)");

    public sealed record DoNotCallRequest(string? Phone, string? Scope, string? Source);
    public sealed record DoNotCallResponse(string Phone, string Scope, Guid? ClientCompanyId, int ContactsMoved);

    private static async Task<Results<Created<DoNotCallResponse>, ValidationProblem, ProblemHttpResult>> RecordDoNotCall(
        Guid projectId, DoNotCallRequest request, ClaimsPrincipal user, NpgsqlDataSource db, DoNotCallList list, TimeProvider clock, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var project = await ProjectSettings.LoadAsync(session, projectId, ct);
        if (project is null)
        {
            return Problems.NotFound("Project", projectId);
        }
        var errors = new Dictionary<string, string[]>();
        var (number, problem) = ContactPhone.Normalise(request.Phone, project.Country);
        if (problem is not null)
        {
            errors["phone"] = [problem];
        }
        var scope = DoNotCallScope.ClientCompany;
        if (request.Scope is not null && !SnakeCase.TryParse(request.Scope, out scope))
        {
            errors["scope"] = [$"One of {DoNotCallScopes.Choices}."];
        }
        var source = ShortText.Read(request.Source);
        if (source is null)
        {
            errors["source"] = ["How the request came (a letter, an e-mail, the call's recording): 1 to 200 printable characters."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The do-not-call request cannot be recorded.");
        }
        var bound = await DoNotCallRequests.BindAsync(session, list, number!.E164, scope, project.ClientCompanyId, source!, user.UserId(), null,
            clock.GetUtcNowAsStored(), ct);
        await session.CommitAsync(ct);
        return TypedResults.Created($"/api/clients/projects/{projectId}/contacts?phone={Uri.EscapeDataString(number.E164)}",
            new DoNotCallResponse(number.E164, SnakeCase.Of(bound.ClientCompanyId is null ? DoNotCallScope.CallCenter : DoNotCallScope.ClientCompany),
                bound.ClientCompanyId, bound.ContactsMoved));
    }
}

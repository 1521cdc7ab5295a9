using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Clients.Contacts;
using Platform.Clients.Projects;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Clients.Lifecycle;

public static class StatusOverrideApi
{
    public static void MapStatusOverrideApi(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/clients/contacts/{contactId:guid}/status-override", OverrideStatus)
            .WithTags("Contacts").WithName("OverrideContactStatus").RequireAuthorization(Policies.Supervision)
            .WithSummary("A supervisor sets the contact's status by hand, with a reason (audited in the card's history)");

    public sealed record StatusOverrideRequest(string? Status, string? Reason);

    /// <summary>
    /// The move is written to the card's history (who, when, from, to, "status override by a supervisor: reason") and sent as
    /// <c>ContactStatusChanged</c>; a contact closed by the recycling rules is reopened and its lease ends; a churned
    /// contact waits the project's cooldown from now.
    /// </summary>
    private static async Task<Results<Ok<ContactResponse>, ValidationProblem, ProblemHttpResult>> OverrideStatus(
        Guid contactId, StatusOverrideRequest request, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNowAsStored();
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var contact = await session.QuerySingleOrDefaultAsync<(Guid ProjectId, string Status)?>(
            "SELECT project_id, status FROM contacts WHERE tenant_id = @TenantId AND id = @contactId AND erased_at IS NULL FOR UPDATE",
            new { session.TenantId, contactId }, ct);
        if (contact is not { } found)
        {
            return Problems.NotFound("Contact", contactId);
        }
        var from = ContactLifecycle.Parse(found.Status);
        var (errors, conflict) = StatusOverride.Check(from, request.Status, request.Reason, out var to);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The status cannot be set.");
        }
        if (conflict is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The status cannot be set.", detail: conflict);
        }
        var project = (await ProjectSettings.LoadAsync(session, found.ProjectId, ct))!;
        const string sql = """
            UPDATE contacts SET status = @To, closed_reason = NULL, updated_at = @now,
                cooldown_until = CASE WHEN @To = 'churned' THEN @now + make_interval(days => @CooldownDays) END
            WHERE tenant_id = @TenantId AND id = @contactId;
            DELETE FROM contact_leases WHERE tenant_id = @TenantId AND contact_id = @contactId;
            """;
        await session.ExecuteAsync(sql, new { To = ContactLifecycle.Name(to), now, project.CooldownDays, session.TenantId, contactId }, ct);
        await StatusMoves.RecordAsync(session, contactId, found.ProjectId, from, to, user.UserId(), null,
            $"status override by a supervisor: {request.Reason!.Trim()}", now, ct);
        var updated = (await ContactsApi.FindAsync(session, contactId, ct))!;
        await session.CommitAsync(ct);
        return TypedResults.Ok(updated);
    }
}

using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Clients.CustomFields;

public static class CustomFieldsApi
{
    public static void MapCustomFieldsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/clients/projects/{projectId:guid}/custom-fields").WithTags("Projects").RequireAuthorization(Policies.Staff);
        group.MapGet("/", GetCustomFields).WithName("GetCustomFields").WithSummary("The project's typed custom fields (text, number, date, choice; required or not)");
        group.MapPut("/", ReplaceCustomFields).WithName("ReplaceCustomFields").RequireAuthorization(Policies.Admin)
            .WithSummary("Replace the project's typed custom fields (whole); cards are checked against them from then on");
    }

    private static async Task<Results<Ok<CustomFieldDefinition[]>, ProblemHttpResult>> GetCustomFields(Guid projectId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var fields = await LoadAsync(session, projectId, ct);
        return fields is null ? Problems.NotFound("Project", projectId) : TypedResults.Ok(fields);
    }

    private static async Task<Results<Ok<CustomFieldDefinition[]>, ValidationProblem, ProblemHttpResult>> ReplaceCustomFields(
        Guid projectId, CustomFieldDefinition?[]? fields, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        var (written, errors) = CustomFieldRules.Check(fields);
        if (written is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The custom fields cannot be set.");
        }
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        if (await session.ExecuteAsync("UPDATE projects SET custom_field_definitions = CAST(@Fields AS jsonb) WHERE tenant_id = @TenantId AND id = @projectId",
                new { Fields = JsonSerializer.Serialize(written, JsonSerializerOptions.Web), session.TenantId, projectId }, ct) == 0)
        {
            return Problems.NotFound("Project", projectId);
        }
        await session.CommitAsync(ct);
        return TypedResults.Ok(written);
    }

    /// <summary>A card whose custom fields do not fit the project's types: 422, each field named (<c>customFields.&lt;key&gt;</c>).</summary>
    public static ProblemHttpResult Unfit(Dictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status422UnprocessableEntity, Title = "The contact's custom fields do not fit the project's.",
        });

    /// <summary>The project's definitions (none: an empty list); null when there is no such project.</summary>
    public static async Task<CustomFieldDefinition[]?> LoadAsync(TenantSession session, Guid projectId, CancellationToken ct)
    {
        var json = await session.QuerySingleOrDefaultAsync<string?>(
            "SELECT custom_field_definitions::text FROM projects WHERE tenant_id = @TenantId AND id = @projectId", new { session.TenantId, projectId }, ct);
        return json is null ? null : Read(json);
    }

    public static CustomFieldDefinition[] Read(string json) => JsonSerializer.Deserialize<CustomFieldDefinition[]>(json, JsonSerializerOptions.Web) ?? [];
}

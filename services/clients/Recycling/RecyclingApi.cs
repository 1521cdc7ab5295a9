using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Clients.Recycling;

public static class RecyclingApi
{
    public static void MapRecyclingApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/clients/projects/{projectId:guid}/recycling").WithTags("Projects").RequireAuthorization(Policies.Staff);
        group.MapGet("/", GetRecyclingRules).WithName("GetRecyclingRules").WithSummary("The project's lead recycling rules: retry delays by outcome category, attempts in total and per day");
        group.MapPut("/", ReplaceRecyclingRules).WithName("ReplaceRecyclingRules").RequireAuthorization(Policies.Admin)
            .WithSummary("Replace the project's lead recycling rules (whole)");
    }

    private static async Task<Results<Ok<RecyclingDocument>, ProblemHttpResult>> GetRecyclingRules(Guid projectId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var rules = await LoadAsync(session, projectId, ct);
        return rules is null ? Problems.NotFound("Project", projectId) : TypedResults.Ok(RecyclingDocument.From(rules));
    }

    private static async Task<Results<Ok<RecyclingDocument>, ValidationProblem, ProblemHttpResult>> ReplaceRecyclingRules(
        Guid projectId, RecyclingDocument document, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        var (rules, errors) = document.ToRules();
        if (rules is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The recycling rules cannot be set.");
        }
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var written = RecyclingDocument.From(rules);
        if (await session.ExecuteAsync("UPDATE projects SET recycling = CAST(@Rules AS jsonb) WHERE tenant_id = @TenantId AND id = @projectId",
                new { Rules = JsonSerializer.Serialize(written, JsonSerializerOptions.Web), session.TenantId, projectId }, ct) == 0)
        {
            return Problems.NotFound("Project", projectId);
        }
        await session.CommitAsync(ct);
        return TypedResults.Ok(written);
    }

    /// <summary>The project's rules ('{}' in the database: the default set); null when there is no such project.</summary>
    public static async Task<RecyclingRules?> LoadAsync(TenantSession session, Guid projectId, CancellationToken ct)
    {
        var json = await session.QuerySingleOrDefaultAsync<string?>("SELECT recycling::text FROM projects WHERE tenant_id = @TenantId AND id = @projectId",
            new { session.TenantId, projectId }, ct);
        return json is null ? null
            : JsonSerializer.Deserialize<RecyclingDocument>(json, JsonSerializerOptions.Web) is { MaxAttempts: not null } document && document.ToRules().Rules is { } rules
                ? rules
                : RecyclingRules.Default;
    }
}

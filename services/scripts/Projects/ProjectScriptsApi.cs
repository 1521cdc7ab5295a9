using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Scripts.Projects;

public static class ProjectScriptsApi
{
    public static RouteGroupBuilder MapProjectScriptsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/scripts/projects").WithTags("Scripts").RequireAuthorization(Policies.Staff);
        group.MapGet("/{projectId:guid}/scripts", ListProjectScripts).WithName("ListProjectScripts");
        return group;
    }

    public sealed record ScriptSummary(Guid Id, string Name, string Mode, DateTime CreatedAt);

    private static async Task<Results<Ok<ScriptSummary[]>, ProblemHttpResult>> ListProjectScripts(
        Guid projectId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        const string projectSql = "SELECT EXISTS (SELECT 1 FROM projects WHERE tenant_id = @TenantId AND id = @projectId)";
        const string scriptsSql = """
            SELECT id, name, mode, created_at FROM scripts
            WHERE tenant_id = @TenantId AND project_id = @projectId ORDER BY name
            """;
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var parameters = new { TenantId = session.TenantId, projectId };
        if (!await session.QuerySingleOrDefaultAsync<bool>(projectSql, parameters, ct))
        {
            return Problems.NotFound("Project", projectId);
        }
        var scripts = await session.QueryAsync<ScriptSummary>(scriptsSql, parameters, ct);
        return TypedResults.Ok(scripts.ToArray());
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Reporting.Projects;

public static class ProjectSummaryApi
{
    public static RouteGroupBuilder MapProjectSummaryApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/reporting/projects").WithTags("Projects").RequireAuthorization(Policies.Reports);
        group.MapGet("/{projectId:guid}", GetProjectSummary).WithName("GetProjectSummary");
        return group;
    }

    private static async Task<Results<Ok<ProjectSummary>, ProblemHttpResult>> GetProjectSummary(
        Guid projectId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        if (!user.MaySeeProject(projectId))
        {
            return Problems.NotFound("Project", projectId); // a client viewer's foreign project does not exist for them
        }
        const string sql = """
            SELECT project_id, name, direction, time_zone, started_at, calls_offered, calls_answered, calls_abandoned
            FROM project_figures WHERE tenant_id = @TenantId AND project_id = @projectId
            """;
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var summary = await session.QuerySingleOrDefaultAsync<ProjectSummary>(sql, new { TenantId = session.TenantId, projectId }, ct);
        return summary is null ? Problems.NotFound("Project", projectId) : TypedResults.Ok(summary);
    }
}

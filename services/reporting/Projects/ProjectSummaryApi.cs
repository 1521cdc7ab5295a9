using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Reporting.Csv;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Reporting.Projects;

public static class ProjectSummaryApi
{
    public static RouteGroupBuilder MapProjectSummaryApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/reporting/projects").WithTags("Projects").RequireAuthorization(Policies.Reports);
        group.MapGet("/{projectId:guid}", GetProjectSummary).WithName("GetProjectSummary").WithSummary("A project's figures for a period: calls, service level, handle time, abandonment and outcomes");
        return group;
    }

    private static async Task<Results<Ok<ProjectSummary>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetProjectSummary(
        Guid projectId, string? format, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        if (CsvReport.Check(format) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (!user.MaySeeProject(projectId))
        {
            return Problems.NotFound("Project", projectId); // a client viewer's foreign project does not exist for them
        }
        const string sql = """
            SELECT f.project_id, f.name, f.direction, f.time_zone, f.started_at,
                   COALESCE(q.offered, 0) AS calls_offered, COALESCE(q.answered, 0) AS calls_answered,
                   COALESCE(q.abandoned, 0) AS calls_abandoned, COALESCE(q.handled, 0) AS calls_handled,
                   COALESCE(d.outcomes, 0) AS outcomes, COALESCE(d.meetings, 0) AS meetings_set, COALESCE(d.contracts, 0) AS contracts_signed,
                   COALESCE(d.orders, 0) AS orders, COALESCE(d.complaints_opened, 0) AS complaints_opened,
                   COALESCE(d.complaints_resolved, 0) AS complaints_resolved, COALESCE(q.excluded_abandons, 0) AS excluded_short_abandons
            FROM project_figures f
            LEFT JOIN LATERAL (SELECT sum(offered)::bigint AS offered, sum(answered)::bigint AS answered, sum(abandoned)::bigint AS abandoned,
                                      sum(handled)::bigint AS handled, sum(excluded_abandons)::bigint AS excluded_abandons
                               FROM queue_intervals i WHERE i.tenant_id = f.tenant_id AND i.project_id = f.project_id) q ON true
            LEFT JOIN LATERAL (SELECT sum(outcomes)::bigint AS outcomes, sum(meetings)::bigint AS meetings, sum(contracts)::bigint AS contracts,
                                      sum(orders)::bigint AS orders, sum(complaints_opened)::bigint AS complaints_opened,
                                      sum(complaints_resolved)::bigint AS complaints_resolved
                               FROM project_days p WHERE p.tenant_id = f.tenant_id AND p.project_id = f.project_id) d ON true
            WHERE f.tenant_id = @TenantId AND f.project_id = @projectId
            """;
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var summary = await session.QuerySingleOrDefaultAsync<ProjectSummary>(sql, new { TenantId = session.TenantId, projectId }, ct);
        if (summary is null)
        {
            return Problems.NotFound("Project", projectId);
        }
        return CsvReport.Wanted(format) ? CsvReport.File([summary], $"project-{projectId}") : TypedResults.Ok(summary);
    }
}

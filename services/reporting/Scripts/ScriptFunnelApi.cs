using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Reporting.Csv;
using Platform.Reporting.Kpis;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Reporting.Scripts;

/// <summary>
/// A script's step funnel: of the sessions walked (all versions, or <c>?version=</c>), how many reached each step, in the
/// order steps are usually reached, with the average seconds spent there; and how many reached an end step.
/// </summary>
public static class ScriptFunnelApi
{
    public sealed record FunnelStep(string StepId, long Sessions, double? ReachedShare, double? AverageSeconds, double AveragePosition);

    public sealed record Funnel(Guid ScriptId, Guid ProjectId, int? Version, long Sessions, long Completed, double? CompletionRate, IReadOnlyList<FunnelStep> Steps);

    public static RouteGroupBuilder MapScriptFunnelApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/reporting/scripts").WithTags("Scripts").RequireAuthorization(Policies.Reports);
        group.MapGet("/{scriptId:guid}/funnel", GetScriptFunnel).WithName("GetScriptFunnel").WithSummary("How far calls got through a script: sessions reaching each step and the answers chosen");
        return group;
    }

    private static async Task<Results<Ok<Funnel>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetScriptFunnel(
        Guid scriptId, int? version, string? format, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        var errors = CsvReport.Check(format);
        if (version is < 1)
        {
            errors["version"] = ["A version number, 1 or more."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var head = await session.QuerySingleOrDefaultAsync<(Guid ProjectId, long Sessions, long Completed)?>("""
            SELECT min(project_id::text)::uuid AS project_id, sum(sessions)::bigint AS sessions, sum(completed)::bigint AS completed
            FROM script_funnels WHERE tenant_id = @TenantId AND script_id = @scriptId AND (CAST(@version AS integer) IS NULL OR version = @version)
            HAVING count(*) > 0
            """, new { session.TenantId, scriptId, version }, ct);
        if (head is not { } h || !user.MaySeeProject(h.ProjectId))
        {
            return Problems.NotFound("Script", scriptId);
        }
        var steps = (await session.QueryAsync<(string StepId, long Sessions, double Seconds, long PositionSum)>("""
            SELECT step_id, sum(sessions)::bigint AS sessions, sum(seconds) AS seconds, sum(position_sum)::bigint AS position_sum
            FROM script_funnel_steps WHERE tenant_id = @TenantId AND script_id = @scriptId AND (CAST(@version AS integer) IS NULL OR version = @version)
            GROUP BY step_id
            """, new { session.TenantId, scriptId, version }, ct))
            .Select(s => new FunnelStep(s.StepId, s.Sessions, Kpi.Ratio(s.Sessions, h.Sessions), Kpi.Ratio(s.Seconds, s.Sessions), (double)s.PositionSum / s.Sessions))
            .OrderBy(s => s.AveragePosition).ThenByDescending(s => s.Sessions).ThenBy(s => s.StepId, StringComparer.Ordinal)
            .ToList();
        if (CsvReport.Wanted(format))
        {
            return CsvReport.File(steps, $"script-{scriptId}-funnel");
        }
        return TypedResults.Ok(new Funnel(scriptId, h.ProjectId, version, h.Sessions, h.Completed, Kpi.Ratio(h.Completed, h.Sessions), steps));
    }
}

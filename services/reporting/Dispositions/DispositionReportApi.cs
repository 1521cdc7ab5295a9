using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Reporting.Agents;
using Platform.Reporting.Csv;
using Platform.Reporting.Kpis;
using Platform.Reporting.Projects;
using Platform.Reporting.Queues;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Reporting.Dispositions;

/// <summary>
/// The disposition report: the results written for a project's calls (outcomes) over a range, per disposition with its count
/// and share, broken down by interval (15 minutes, day, week or month of the project's calendar, empty ones as zeros), by agent
/// or by the agents' group, with one total row per disposition. Agents' and groups' rows are for the call center's people.
/// </summary>
public static class DispositionReportApi
{
    public const string ByInterval = "interval", ByAgent = "agent", ByGroup = "group";

    /// <summary>One disposition in one row of the report (an interval, an agent or a group); <c>Share</c> of that row's results.</summary>
    public sealed record DispositionCount(
        DateTimeOffset? Start, Guid? UserId, Guid? AgentId, string? AgentName, Guid? GroupId, string Disposition, string Category, long Count,
        long RowTotal, double? Share);

    public sealed record DispositionReport(
        Guid ProjectId, string By, string Granularity, DateTimeOffset From, DateTimeOffset To, long Outcomes, IReadOnlyList<DispositionCount> Rows,
        IReadOnlyList<DispositionCount> Totals);

    /// <summary>The row a result falls in: its bucket (by interval), its user and agent (by agent) or its agent's group (by group).</summary>
    private sealed record RowKey(long Bucket, Guid? UserId, Guid? AgentId, string? AgentName, Guid? GroupId);

    private sealed record Written(long Bucket, Guid UserId, Guid? AgentId, string? AgentName, Guid? GroupId, string Disposition, string Category, long Count);

    public static RouteGroupBuilder MapDispositionReportApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/reporting/projects").WithTags("Projects").RequireAuthorization(Policies.Reports);
        group.MapGet("/{projectId:guid}/dispositions", GetDispositionReport).WithName("GetDispositionReport")
            .WithSummary("A project's written call results per disposition (count and share) by interval, agent or group over a range, with totals.");
        return group;
    }

    private static async Task<Results<Ok<DispositionReport>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetDispositionReport(
        Guid projectId, string? from, string? to, string? granularity, string? by, Guid? agentId, Guid? groupId, string? format, ClaimsPrincipal user,
        NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var view = by ?? ByInterval;
        var errors = new Dictionary<string, string[]>();
        if (view is not (ByInterval or ByAgent or ByGroup))
        {
            errors["by"] = ["interval (the default), agent or group."];
        }
        await using var request = await RangeRequest.OpenAsync(db, user, clock, from, to, granularity, format, ct, projectId,
            defaultGranularity: ReportBuckets.Day, errors: errors);
        if (request.Invalid)
        {
            return request.Problem();
        }
        var (session, zone) = (request.Session, request.Zone);
        if (!user.MaySeeProject(projectId) || !await ReportLookups.ProjectExistsAsync(session, projectId, ct))
        {
            return Problems.NotFound("Project", projectId);
        }
        if (ReportScope.OnlyProjects(user) is not null && (view != ByInterval || agentId is not null || groupId is not null))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Agents' figures are the call center's.",
                detail: "A client viewer reads the project's dispositions by interval.");
        }
        Guid? userId = null;
        if (agentId is { } a)
        {
            userId = (await AgentLookup.FindAsync(session, a, ct))?.UserId ?? a; // an agent's id or the user id results are written under
        }
        var r = request.Range;
        var buckets = ReportBuckets.Of(r.From, r.To, r.Granularity, zone);
        const string sql = """
            SELECT b.i AS bucket, o.user_id, a.agent_id, a.name AS agent_name, a.group_id, o.disposition, max(o.category) AS category, count(*) AS count
            FROM unnest(@Froms, @Tos) WITH ORDINALITY AS b(f, t, i)
            JOIN outcomes o ON o.tenant_id = @TenantId AND o.project_id = @projectId AND o.recorded_at >= b.f AND o.recorded_at < b.t
            LEFT JOIN LATERAL (SELECT x.agent_id, x.name, x.group_id FROM agents x WHERE x.tenant_id = o.tenant_id AND x.user_id = o.user_id
                               ORDER BY x.changed_at DESC LIMIT 1) a ON true
            WHERE (CAST(@userId AS uuid) IS NULL OR o.user_id = @userId)
              AND (CAST(@groupId AS uuid) IS NULL OR a.group_id = @groupId)
            GROUP BY b.i, o.user_id, a.agent_id, a.name, a.group_id, o.disposition
            """;
        var written = (await session.QueryAsync<Written>(sql, new
        {
            session.TenantId, projectId, userId, groupId, Froms = buckets.Select(b => b.From).ToArray(), Tos = buckets.Select(b => b.To).ToArray(),
        }, ct)).ToList();
        var categories = written.GroupBy(w => w.Disposition).ToDictionary(g => g.Key, g => g.Max(w => w.Category)!);
        RowKey KeyOf(Written w) => view switch
        {
            ByAgent => new RowKey(0, w.UserId, w.AgentId, w.AgentName, w.GroupId),
            ByGroup => new RowKey(0, null, null, null, w.GroupId),
            _ => new RowKey(w.Bucket, null, null, null, null),
        };
        var counts = written.GroupBy(w => (Key: KeyOf(w), w.Disposition))
            .Select(g => new DispositionShares.Counted<RowKey>(g.Key.Key, g.Key.Disposition, g.Sum(w => w.Count))).ToList();
        IReadOnlyList<RowKey> keys = view == ByInterval
            ? [.. buckets.Select((_, i) => new RowKey(i + 1, null, null, null, null))]
            : [.. counts.Select(c => c.Row).Distinct().OrderBy(k => k.AgentName ?? "\uffff", StringComparer.Ordinal).ThenBy(k => k.GroupId).ThenBy(k => k.UserId)];
        DispositionCount Row(DispositionShares.Share<RowKey> s) => new(
            s.Row.Bucket > 0 ? buckets[(int)s.Row.Bucket - 1].Start : null, s.Row.UserId, s.Row.AgentId, s.Row.AgentName, s.Row.GroupId,
            s.Disposition, categories[s.Disposition], s.Count, s.RowTotal, s.Of);
        var rows = DispositionShares.Grid(keys, counts).Select(Row).ToList();
        var all = new RowKey(0, null, null, null, null);
        var totals = DispositionShares.Grid([all], counts.GroupBy(c => c.Disposition)
            .Select(g => new DispositionShares.Counted<RowKey>(all, g.Key, g.Sum(c => c.Count)))).Select(Row).ToList();
        if (CsvReport.Wanted(format))
        {
            return CsvReport.File(rows, $"project-{projectId}-dispositions-by-{view}", zone, totals);
        }
        return TypedResults.Ok(new DispositionReport(projectId, view, r.Granularity, r.From, r.To, totals.Sum(t => t.Count), rows, totals));
    }
}

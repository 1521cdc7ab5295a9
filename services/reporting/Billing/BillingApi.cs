using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Reporting.Csv;
using Platform.Reporting.Kpis;
using Platform.Reporting.Occupancy;
using Platform.Reporting.Projects;
using Platform.Reporting.Queues;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Http;

namespace Platform.Reporting.Billing;

/// <summary>
/// What the call center invoices a client company for one project, per day, week or month of the project's calendar (default:
/// this month, by month), with a total: calls handled (completed in the project's queues, plus the agents' own outbound calls:
/// results written with a duration and no queue call), talk and wrap-up minutes, staffed agent hours (the project's queues'
/// members while available, offered, on a call or in wrap-up) and the billed outcomes, results of the categories
/// <see cref="BilledCategories"/> (meetings set, sales).
/// </summary>
public static class BillingApi
{
    /// <summary>The disposition categories a client pays for: a meeting set and a sale (contract signed).</summary>
    public static readonly string[] BilledCategories = ["meeting_set", "sale"];

    public sealed record BillingPeriod(
        DateTimeOffset Start, long HandledCalls, long InboundCalls, long OutboundCalls, double TalkMinutes, double WrapUpMinutes, double HandleMinutes,
        double StaffedAgentHours, long MeetingsSet, long Sales, long BilledOutcomes);

    public sealed record Billing(
        Guid ProjectId, string Granularity, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<string> BilledCategories,
        IReadOnlyList<BillingPeriod> Periods, BillingPeriod Total);

    private sealed record Counts(long Bucket, long Inbound, long Outbound, double Talk, double WrapUp, long Meetings, long Sales);

    public static RouteGroupBuilder MapBillingApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/reporting/projects").WithTags("Projects").RequireAuthorization(Policies.Reports);
        group.MapGet("/{projectId:guid}/billing", GetBilling).WithName("GetProjectBilling")
            .WithSummary("A project's billable figures per day, week or month: handled calls, talk and wrap-up minutes, staffed agent hours, meetings and sales.");
        return group;
    }

    private static async Task<Results<Ok<Billing>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetBilling(
        Guid projectId, string? from, string? to, string? granularity, string? format, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (granularity is not (null or ReportBuckets.Day or ReportBuckets.Week or ReportBuckets.Month))
        {
            errors["granularity"] = ["day, week or month (the default)."];
        }
        await using var request = await RangeRequest.OpenAsync(db, user, clock, from, to, granularity, format, ct, projectId,
            defaultGranularity: ReportBuckets.Month, thisMonth: true, errors: errors);
        if (request.Invalid)
        {
            return request.Problem();
        }
        var session = request.Session;
        if (!user.MaySeeProject(projectId) || !await ReportLookups.ProjectExistsAsync(session, projectId, ct))
        {
            return Problems.NotFound("Project", projectId);
        }
        var r = request.Range;
        var buckets = ReportBuckets.Of(r.From, r.To, r.Granularity, request.Zone);
        var sql = $"""
            SELECT b.i AS bucket, COALESCE(c.inbound, 0) AS inbound, COALESCE(c.outbound, 0) + COALESCE(o.own_calls, 0) AS outbound,
                   COALESCE(c.talk, 0) + COALESCE(o.own_talk, 0) AS talk, COALESCE(c.wrap_up, 0) AS wrap_up,
                   COALESCE(o.meetings, 0) AS meetings, COALESCE(o.sales, 0) AS sales
            FROM unnest(@Froms, @Tos) WITH ORDINALITY AS b(f, t, i)
            LEFT JOIN LATERAL (
                SELECT count(*) FILTER (WHERE direction = 'inbound') AS inbound, count(*) FILTER (WHERE direction = 'outbound') AS outbound,
                       sum(talk_seconds) AS talk, sum(wrap_up_seconds) AS wrap_up
                FROM call_records WHERE tenant_id = @TenantId AND project_id = @projectId AND completed_at >= b.f AND completed_at < b.t) c ON true
            LEFT JOIN LATERAL (
                SELECT count(*) FILTER (WHERE call_id IS NULL AND duration_seconds IS NOT NULL) AS own_calls,
                       sum(duration_seconds) FILTER (WHERE call_id IS NULL) AS own_talk,
                       count(*) FILTER (WHERE category = 'meeting_set') AS meetings, count(*) FILTER (WHERE category = 'sale') AS sales
                FROM outcomes WHERE tenant_id = @TenantId AND project_id = @projectId AND recorded_at >= b.f AND recorded_at < b.t) o ON true
            ORDER BY b.i
            """;
        var counts = (await session.QueryAsync<Counts>(sql, new
        {
            session.TenantId, projectId, Froms = buckets.Select(b => b.From).ToArray(), Tos = buckets.Select(b => b.To).ToArray(),
        }, ct)).ToList();
        var agents = await TeamTime.AgentsAsync(session, null, projectId, null, ct);
        var staffed = await TeamTime.PerAgentAsync(session, agents, buckets, request.Now, ct);
        var rows = buckets.Select((b, i) => Of(b.Start, counts[i], staffed.Sum(a => a[i].StaffedSeconds))).ToList();
        var total = Of(r.From, counts.Aggregate(new Counts(0, 0, 0, 0, 0, 0, 0), (a, c) => new(0, a.Inbound + c.Inbound, a.Outbound + c.Outbound,
            a.Talk + c.Talk, a.WrapUp + c.WrapUp, a.Meetings + c.Meetings, a.Sales + c.Sales)), staffed.Sum(a => a.Sum(t => t.StaffedSeconds)));
        if (CsvReport.Wanted(format))
        {
            return CsvReport.File(rows, $"project-{projectId}-billing-{r.Granularity}", request.Zone, total);
        }
        return TypedResults.Ok(new Billing(projectId, r.Granularity, r.From, r.To, BilledCategories, rows, total));
    }

    private static BillingPeriod Of(DateTimeOffset start, Counts c, double staffedSeconds) => new(
        start, c.Inbound + c.Outbound, c.Inbound, c.Outbound, c.Talk / 60, c.WrapUp / 60, (c.Talk + c.WrapUp) / 60, staffedSeconds / 3600,
        c.Meetings, c.Sales, c.Meetings + c.Sales);
}

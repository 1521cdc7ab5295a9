using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Reporting.Csv;
using Platform.Reporting.Kpis;
using Platform.Reporting.Queues;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Reporting.Projects;

/// <summary>
/// A project's figures over a range per 15 minutes, day, week or month of its own calendar: its queues' calls summed (the
/// queue interval report's measures) and the results written for it (outcomes, meetings set, contracts signed), with a total.
/// </summary>
public static class ProjectIntervalsApi
{
    public sealed record ProjectInterval(
        DateTimeOffset Start, long Offered, long Answered, long AnsweredWithinThreshold, long Abandoned, long Handled, double? ServiceLevel,
        double? ServiceLevelCountingShortAbandons, double? AverageSpeedOfAnswer, double? AverageHandleTime, double? AbandonmentRate,
        double LongestWaitSeconds, double TalkSeconds, double WrapUpSeconds, long Outcomes, long MeetingsSet, long ContractsSigned,
        long ShortAbandoned, double? AbandonmentRateExcludingShortAbandons, double? ServiceLevelOfOffered,
        double? AbandonmentRateCountingShortAbandons, long ExcludedShortAbandons)
    {
        public static ProjectInterval Of(QueueIntervalsApi.IntervalFigures f, (long Outcomes, long Meetings, long Contracts) r) => new(
            f.Start, f.Offered, f.Answered, f.AnsweredWithinThreshold, f.Abandoned, f.Handled, f.ServiceLevel, f.ServiceLevelCountingShortAbandons,
            f.AverageSpeedOfAnswer, f.AverageHandleTime, f.AbandonmentRate, f.LongestWaitSeconds, f.TalkSeconds, f.WrapUpSeconds, r.Outcomes,
            r.Meetings, r.Contracts, f.ShortAbandoned, f.AbandonmentRateExcludingShortAbandons, f.ServiceLevelOfOffered,
            f.AbandonmentRateCountingShortAbandons, f.ExcludedShortAbandons);
    }

    public sealed record ProjectIntervals(
        Guid ProjectId, string Granularity, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ProjectInterval> Intervals, ProjectInterval Total);

    public static RouteGroupBuilder MapProjectIntervalsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/reporting/projects").WithTags("Projects").RequireAuthorization(Policies.Reports);
        group.MapGet("/{projectId:guid}/intervals", GetProjectIntervals).WithName("GetProjectIntervals")
            .WithSummary("A project's calls over all its queues and its written results per 15 minutes, day, week or month, with a total.");
        return group;
    }

    private static async Task<Results<Ok<ProjectIntervals>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetProjectIntervals(
        Guid projectId, string? from, string? to, string? granularity, string? format, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock,
        CancellationToken ct)
    {
        await using var request = await RangeRequest.OpenAsync(db, user, clock, from, to, granularity, format, ct, projectId,
            defaultGranularity: ReportBuckets.Day);
        if (request.Invalid)
        {
            return request.Problem();
        }
        var (session, zone) = (request.Session, request.Zone);
        if (!user.MaySeeProject(projectId) || !await ReportLookups.ProjectExistsAsync(session, projectId, ct))
        {
            return Problems.NotFound("Project", projectId);
        }
        var r = request.Range;
        var (calls, callTotal) = await QueueIntervalsApi.ReadAsync(session, null, projectId, r, zone, ct);
        var buckets = ReportBuckets.Of(r.From, r.To, r.Granularity, zone);
        var results = (await session.QueryAsync<(long Bucket, long Outcomes, long Meetings, long Contracts)>("""
            SELECT b.i, count(o.outcome_id), count(o.outcome_id) FILTER (WHERE o.category = 'meeting_set'), count(o.outcome_id) FILTER (WHERE o.category = 'sale')
            FROM unnest(@Froms, @Tos) WITH ORDINALITY AS b(f, t, i)
            LEFT JOIN outcomes o ON o.tenant_id = @TenantId AND o.project_id = @projectId AND o.recorded_at >= b.f AND o.recorded_at < b.t
            GROUP BY b.i ORDER BY b.i
            """, new { session.TenantId, projectId, Froms = buckets.Select(b => b.From).ToArray(), Tos = buckets.Select(b => b.To).ToArray() }, ct)).ToList();
        var rows = calls.Select((c, i) => ProjectInterval.Of(c, i < results.Count ? (results[i].Outcomes, results[i].Meetings, results[i].Contracts) : (0, 0, 0))).ToList();
        var total = ProjectInterval.Of(callTotal, (results.Sum(x => x.Outcomes), results.Sum(x => x.Meetings), results.Sum(x => x.Contracts)));
        if (CsvReport.Wanted(format))
        {
            return CsvReport.File(rows, $"project-{projectId}-{r.Granularity}", zone, total);
        }
        return TypedResults.Ok(new ProjectIntervals(projectId, r.Granularity, r.From, r.To, rows, total));
    }
}

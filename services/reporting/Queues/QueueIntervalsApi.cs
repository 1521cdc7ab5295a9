using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Reporting.Csv;
using Platform.Reporting.Kpis;
using Platform.Reporting.Projects;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Reporting.Queues;

/// <summary>
/// A queue's figures per 15 minutes, day or week (days and weeks from Monday in the project's time zone, as PostgreSQL's tz
/// database reads the same IANA id), with a total over the range.
/// </summary>
public static class QueueIntervalsApi
{
    public sealed record IntervalFigures(
        DateTimeOffset Start, long Offered, long Answered, long AnsweredWithinThreshold, long Abandoned, long AbandonedWithinThreshold, long Handled,
        double? ServiceLevel, double? ServiceLevelCountingShortAbandons, double? AverageSpeedOfAnswer, double? AverageHandleTime,
        double? AbandonmentRate, double LongestWaitSeconds, double TalkSeconds, double HoldSeconds, double WrapUpSeconds, long ShortAbandoned,
        double? AbandonmentRateExcludingShortAbandons, double? ServiceLevelOfOffered, double? AbandonmentRateCountingShortAbandons,
        long ExcludedShortAbandons)
    {
        public static IntervalFigures Of(DateTimeOffset start, QueueCounts c) => new(
            start, c.Offered, c.Answered, c.AnsweredWithinThreshold, c.Abandoned, c.AbandonedWithinThreshold, c.Handled, c.ServiceLevel,
            c.ServiceLevelCountingShortAbandons, c.AverageSpeedOfAnswer, c.AverageHandleTime, c.AbandonmentRate, c.LongestWaitSeconds,
            c.TalkSeconds, c.HoldSeconds, c.WrapUpSeconds, c.ShortAbandoned, c.AbandonmentRateExcludingShortAbandons, c.ServiceLevelOfOffered,
            c.AbandonmentRateCountingShortAbandons, c.ExcludedAbandons);
    }

    public sealed record QueueIntervals(
        Guid QueueId, Guid ProjectId, int ServiceLevelSeconds, string Granularity, DateTimeOffset From, DateTimeOffset To,
        IReadOnlyList<IntervalFigures> Intervals, IntervalFigures Total);

    public static RouteGroupBuilder MapQueueIntervalsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/reporting/queues").WithTags("Queues").RequireAuthorization(Policies.Reports);
        group.MapGet("/{queueId:guid}/intervals", GetQueueIntervals).WithName("GetQueueIntervals").WithSummary("A queue's figures per interval (offered, answered, abandoned, service level, handle time) for a day in the project's zone");
        return group;
    }

    private sealed record Row(
        DateTime Bucket, long Offered, long Answered, long AnsweredWithinThreshold, long Abandoned, long AbandonedWithinThreshold,
        double AnswerWaitSeconds, double LongestWaitSeconds, long Handled, double TalkSeconds, double HoldSeconds, double WrapUpSeconds, long ShortAbandoned,
        long ExcludedAbandons);

    private static async Task<Results<Ok<QueueIntervals>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetQueueIntervals(
        Guid queueId, string? from, string? to, string? granularity, string? format, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock,
        CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var queue = await session.QuerySingleOrDefaultAsync<(Guid ProjectId, int? ServiceLevelSeconds, string? TimeZone)?>("""
            SELECT q.project_id, q.service_level_seconds, f.time_zone FROM queues q
            LEFT JOIN project_figures f ON f.tenant_id = q.tenant_id AND f.project_id = q.project_id
            WHERE q.tenant_id = @TenantId AND q.queue_id = @queueId
            """, new { session.TenantId, queueId }, ct);
        var zone = ReportingDay.Zone(queue?.TimeZone);
        var (range, errors) = ReportRange.Parse(from, to, granularity, clock.GetUtcNow(), zone);
        foreach (var (field, messages) in CsvReport.Check(format))
        {
            errors[field] = messages;
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (queue is not { } q || !user.MaySeeProject(q.ProjectId))
        {
            return Problems.NotFound("Queue", queueId);
        }
        var r = range!;
        var (intervals, total) = await ReadAsync(session, queueId, null, r, zone, ct);
        if (CsvReport.Wanted(format))
        {
            return CsvReport.File(intervals, $"queue-{queueId}-{r.Granularity}", zone, total);
        }
        return TypedResults.Ok(new QueueIntervals(queueId, q.ProjectId, q.ServiceLevelSeconds ?? QueueProjection.DefaultThresholdSeconds, r.Granularity,
            r.From, r.To, intervals, total));
    }

    /// <summary>
    /// The figures of one queue, or of all a project's queues, per bucket of <paramref name="r"/> (every bucket a row, zeros
    /// where nothing happened), and their total.
    /// </summary>
    public static async Task<(List<IntervalFigures> Intervals, IntervalFigures Total)> ReadAsync(
        TenantSession session, Guid? queueId, Guid? projectId, ReportRange r, NodaTime.DateTimeZone zone, CancellationToken ct)
    {
        // Every interval of the range is a row, zeros where nothing happened: 15-minute rows as instants, days, weeks (from
        // Monday) and months in the project's zone (generated in local time, so a day with a clock change has 23 or 25 hours).
        const string sql = """
            WITH buckets AS (
                SELECT b AS bucket FROM generate_series(date_bin('15 minutes', CAST(@From AS timestamptz), TIMESTAMPTZ '2000-01-01 00:00:00+00'),
                                                        CAST(@To AS timestamptz) - interval '1 microsecond', interval '15 minutes') AS b
                WHERE @Unit = '15m'
                UNION ALL
                SELECT local AT TIME ZONE @Zone FROM generate_series(date_trunc(@CalendarUnit, CAST(@From AS timestamptz) AT TIME ZONE @Zone),
                                                                     (CAST(@To AS timestamptz) AT TIME ZONE @Zone) - interval '1 microsecond',
                                                                     CAST('1 ' || @CalendarUnit AS interval)) AS local
                WHERE @Unit <> '15m'),
            counted AS (
                SELECT CASE WHEN @Unit = '15m' THEN interval_start
                            ELSE date_trunc(@CalendarUnit, interval_start AT TIME ZONE @Zone) AT TIME ZONE @Zone END AS bucket,
                       sum(offered)::bigint AS offered, sum(answered)::bigint AS answered, sum(answered_within_threshold)::bigint AS answered_within_threshold,
                       sum(abandoned)::bigint AS abandoned, sum(abandoned_within_threshold)::bigint AS abandoned_within_threshold,
                       sum(answer_wait_seconds) AS answer_wait_seconds, max(longest_wait_seconds) AS longest_wait_seconds, sum(handled)::bigint AS handled,
                       sum(talk_seconds) AS talk_seconds, sum(hold_seconds) AS hold_seconds, sum(wrap_up_seconds) AS wrap_up_seconds,
                       sum(short_abandoned)::bigint AS short_abandoned, sum(excluded_abandons)::bigint AS excluded_abandons
                FROM queue_intervals
                WHERE tenant_id = @TenantId AND (CAST(@queueId AS uuid) IS NULL OR queue_id = @queueId)
                  AND (CAST(@projectId AS uuid) IS NULL OR project_id = @projectId) AND interval_start >= @From AND interval_start < @To
                GROUP BY 1)
            SELECT b.bucket, COALESCE(c.offered, 0) AS offered, COALESCE(c.answered, 0) AS answered,
                   COALESCE(c.answered_within_threshold, 0) AS answered_within_threshold, COALESCE(c.abandoned, 0) AS abandoned,
                   COALESCE(c.abandoned_within_threshold, 0) AS abandoned_within_threshold, COALESCE(c.answer_wait_seconds, 0) AS answer_wait_seconds,
                   COALESCE(c.longest_wait_seconds, 0) AS longest_wait_seconds, COALESCE(c.handled, 0) AS handled,
                   COALESCE(c.talk_seconds, 0) AS talk_seconds, COALESCE(c.hold_seconds, 0) AS hold_seconds, COALESCE(c.wrap_up_seconds, 0) AS wrap_up_seconds,
                   COALESCE(c.short_abandoned, 0) AS short_abandoned, COALESCE(c.excluded_abandons, 0) AS excluded_abandons
            FROM buckets b LEFT JOIN counted c ON c.bucket = b.bucket
            ORDER BY 1
            """;
        var rows = await session.QueryAsync<Row>(sql, new
        {
            session.TenantId, queueId, projectId, Unit = r.Granularity, Zone = zone.Id, From = r.From, To = r.To,
            // A calendar unit for date_trunc even for 15-minute rows: PostgreSQL evaluates the calendar branch's set-returning
            // function whatever its WHERE says, and date_trunc refuses '15m'.
            CalendarUnit = r.Granularity == "15m" ? "day" : r.Granularity,
        }, ct);
        var intervals = new List<IntervalFigures>();
        var total = QueueCounts.Zero;
        foreach (var row in rows)
        {
            var counts = new QueueCounts(row.Offered, row.Answered, row.AnsweredWithinThreshold, row.Abandoned, row.AbandonedWithinThreshold,
                row.AnswerWaitSeconds, row.LongestWaitSeconds, row.Handled, row.TalkSeconds, row.HoldSeconds, row.WrapUpSeconds,
                row.ShortAbandoned, row.ExcludedAbandons);
            intervals.Add(IntervalFigures.Of(new DateTimeOffset(DateTime.SpecifyKind(row.Bucket, DateTimeKind.Utc)), counts));
            total = total.Add(counts);
        }
        return (intervals, IntervalFigures.Of(r.From, total));
    }
}

using Platform.Contracts.Queue;
using Platform.Reporting.Kpis;
using Platform.ServiceDefaults.Database;

namespace Platform.Reporting.Queues;

/// <summary>
/// Calls into a queue's 15-minute rows, each by its event's own time: offered when queued, answered and abandoned (with
/// the wait against the queue's threshold T) when that happened, handled with its durations when completed. The
/// wallboard's waiting calls follow the same events; a leave that arrives before its arrival still wins.
/// </summary>
public static class QueueProjection
{
    /// <summary>T when no event has told reporting the queue's own (the queue service's default).</summary>
    public const int DefaultThresholdSeconds = 20;
    private const string DefaultThreshold = "20";
    private const string DefaultShortAbandon = "5"; // QueueCounts.DefaultShortAbandonSeconds, as SQL text

    /// <summary>The queue (its project and T) and the call waiting on the wallboard; the offer is an <see cref="IntervalCount"/>.</summary>
    public static Task QueuedAsync(TenantSession session, CallQueued e, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO queues (tenant_id, queue_id, project_id, service_level_seconds, seen_at)
            VALUES (@TenantId, @QueueId, @ProjectId, @ServiceLevelSeconds, @At)
            ON CONFLICT (tenant_id, queue_id) DO UPDATE SET
                project_id = EXCLUDED.project_id,
                service_level_seconds = CASE WHEN EXCLUDED.seen_at >= queues.seen_at
                    THEN COALESCE(EXCLUDED.service_level_seconds, queues.service_level_seconds)
                    ELSE COALESCE(queues.service_level_seconds, EXCLUDED.service_level_seconds) END,
                seen_at = GREATEST(queues.seen_at, EXCLUDED.seen_at);

            INSERT INTO live_calls (tenant_id, call_id, queue_id, project_id, queued_at, service_level_seconds)
            VALUES (@TenantId, @CallId, @QueueId, @ProjectId, @At, @ServiceLevelSeconds)
            ON CONFLICT (tenant_id, call_id, queue_id) DO UPDATE SET queued_at = GREATEST(live_calls.queued_at, EXCLUDED.queued_at),
                service_level_seconds = COALESCE(EXCLUDED.service_level_seconds, live_calls.service_level_seconds);
            """;
        return session.ExecuteAsync(sql, new { session.TenantId, e.QueueId, e.ProjectId, e.ServiceLevelSeconds, e.At, e.CallId }, ct);
    }

    /// <summary>
    /// Adds calls to their queues' 15-minute rows: one row per queue and interval however many events it gets, answers and
    /// abandons measured against the queue's T, rows taken in (queue, interval) order so concurrent batches never deadlock.
    /// </summary>
    public static Task CountAsync(TenantSession session, IReadOnlyList<IntervalCount> counts, CancellationToken ct)
    {
        if (counts.Count == 0)
        {
            return Task.CompletedTask;
        }
        const string sql = $"""
            INSERT INTO queue_intervals AS qi (tenant_id, queue_id, interval_start, project_id, offered, answered, answered_within_threshold,
                abandoned, abandoned_within_threshold, answer_wait_seconds, longest_wait_seconds, handled, talk_seconds, hold_seconds, wrap_up_seconds,
                short_abandoned, excluded_abandons)
            SELECT @TenantId, c.queue_id, date_bin('15 minutes', c.at, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS interval_start,
                   (array_agg(c.project_id))[1],
                   count(*) FILTER (WHERE c.kind = 'offered'),
                   count(*) FILTER (WHERE c.kind = 'answered'),
                   count(*) FILTER (WHERE c.kind = 'answered' AND c.wait <= COALESCE(c.threshold, lc.service_level_seconds, q.service_level_seconds, {DefaultThreshold})),
                   count(*) FILTER (WHERE c.kind = 'abandoned'),
                   count(*) FILTER (WHERE c.kind = 'abandoned' AND c.wait <= COALESCE(c.threshold, lc.service_level_seconds, q.service_level_seconds, {DefaultThreshold})),
                   COALESCE(sum(c.wait) FILTER (WHERE c.kind = 'answered'), 0),
                   COALESCE(max(c.wait) FILTER (WHERE c.kind IN ('answered', 'abandoned')), 0),
                   count(*) FILTER (WHERE c.kind = 'handled'),
                   sum(c.talk), sum(c.hold), sum(c.wrap_up),
                   count(*) FILTER (WHERE c.kind = 'abandoned' AND c.wait <= COALESCE(c.short_abandon, q.short_abandon_seconds, {DefaultShortAbandon})),
                   count(*) FILTER (WHERE c.kind = 'abandoned' AND c.wait <= COALESCE(c.short_abandon, q.short_abandon_seconds, {DefaultShortAbandon})
                                    AND COALESCE(c.excluded, q.short_abandons_excluded, false))
            FROM unnest(@Queues, @Projects, @Ats, @Kinds, @Waits, @Talks, @Holds, @WrapUps, @Calls, @Thresholds, @ShortAbandons, @Excluded)
                 AS c(queue_id, project_id, at, kind, wait, talk, hold, wrap_up, call_id, threshold, short_abandon, excluded)
            LEFT JOIN queues q ON q.tenant_id = @TenantId AND q.queue_id = c.queue_id
            LEFT JOIN live_calls lc ON c.threshold IS NULL AND lc.tenant_id = @TenantId AND lc.call_id = c.call_id AND lc.queue_id = c.queue_id
            GROUP BY c.queue_id, 3
            ORDER BY c.queue_id, 3
            ON CONFLICT (tenant_id, queue_id, interval_start) DO UPDATE SET
                offered = qi.offered + EXCLUDED.offered,
                answered = qi.answered + EXCLUDED.answered,
                answered_within_threshold = qi.answered_within_threshold + EXCLUDED.answered_within_threshold,
                abandoned = qi.abandoned + EXCLUDED.abandoned,
                abandoned_within_threshold = qi.abandoned_within_threshold + EXCLUDED.abandoned_within_threshold,
                answer_wait_seconds = qi.answer_wait_seconds + EXCLUDED.answer_wait_seconds,
                longest_wait_seconds = GREATEST(qi.longest_wait_seconds, EXCLUDED.longest_wait_seconds),
                handled = qi.handled + EXCLUDED.handled,
                talk_seconds = qi.talk_seconds + EXCLUDED.talk_seconds,
                hold_seconds = qi.hold_seconds + EXCLUDED.hold_seconds,
                wrap_up_seconds = qi.wrap_up_seconds + EXCLUDED.wrap_up_seconds,
                short_abandoned = qi.short_abandoned + EXCLUDED.short_abandoned,
                excluded_abandons = qi.excluded_abandons + EXCLUDED.excluded_abandons
            """;
        return session.ExecuteAsync(sql, new
        {
            session.TenantId,
            Queues = counts.Select(c => c.QueueId).ToArray(), Projects = counts.Select(c => c.ProjectId).ToArray(),
            Ats = counts.Select(c => c.At).ToArray(), Kinds = counts.Select(c => c.Kind).ToArray(),
            Waits = counts.Select(c => c.WaitSeconds).ToArray(), Talks = counts.Select(c => c.TalkSeconds).ToArray(),
            Holds = counts.Select(c => c.HoldSeconds).ToArray(), WrapUps = counts.Select(c => c.WrapUpSeconds).ToArray(),
            Calls = counts.Select(c => c.CallId).ToArray(), Thresholds = counts.Select(c => c.ThresholdSeconds).ToArray(),
            ShortAbandons = counts.Select(c => c.ShortAbandonSeconds).ToArray(), Excluded = counts.Select(c => c.ShortAbandonsExcluded).ToArray(),
        }, ct);
    }

    /// <summary>
    /// Answered and abandoned calls left their queue's line (a set of <see cref="LeftLineAsync"/>, the project known):
    /// one statement for a batch, rows taken in call order; a call leaving one queue twice in a batch counts its last leave.
    /// </summary>
    public static Task LeftLinesAsync(TenantSession session, IReadOnlyList<(Guid CallId, Guid QueueId, Guid ProjectId, DateTimeOffset At, double WaitSeconds)> left,
        CancellationToken ct)
    {
        if (left.Count == 0)
        {
            return Task.CompletedTask;
        }
        const string sql = """
            INSERT INTO live_calls (tenant_id, call_id, queue_id, project_id, queued_at, left_at)
            SELECT DISTINCT ON (c.call_id, c.queue_id) @TenantId, c.call_id, c.queue_id, c.project_id, c.at - make_interval(secs => c.wait), c.at
            FROM unnest(@Calls, @Queues, @Projects, @Ats, @Waits) AS c(call_id, queue_id, project_id, at, wait)
            ORDER BY c.call_id, c.queue_id, c.at DESC
            ON CONFLICT (tenant_id, call_id, queue_id) DO UPDATE SET left_at = GREATEST(live_calls.left_at, EXCLUDED.left_at)
            """;
        return session.ExecuteAsync(sql, new
        {
            session.TenantId, Calls = left.Select(l => l.CallId).ToArray(), Queues = left.Select(l => l.QueueId).ToArray(),
            Projects = left.Select(l => l.ProjectId).ToArray(), Ats = left.Select(l => l.At).ToArray(), Waits = left.Select(l => l.WaitSeconds).ToArray(),
        }, ct);
    }

    /// <summary>
    /// The caller left the line asking to be called back: the call waits as a callback (its place kept) until it is answered,
    /// i.e. until the call's row is left again after the request.
    /// </summary>
    public static async Task CallbackAsync(TenantSession session, CallbackRequested e, CancellationToken ct)
    {
        await LeftLineAsync(session, e.CallId, e.QueueId, e.At, ct, e.ProjectId);
        await session.ExecuteAsync("""
            UPDATE live_calls SET callback_at = GREATEST(callback_at, @At) WHERE tenant_id = @TenantId AND call_id = @CallId AND queue_id = @QueueId
            """, new { session.TenantId, e.CallId, e.QueueId, e.At }, ct);
    }

    /// <summary>
    /// The call left <paramref name="queueId"/>'s line (answered, abandoned, callback, overflow). A leave that arrives before
    /// the arrival makes the row with the arrival time implied by the wait, so the late arrival does not count it waiting.
    /// </summary>
    public static Task LeftLineAsync(TenantSession session, Guid callId, Guid queueId, DateTimeOffset at, CancellationToken ct,
        Guid? projectId = null, double waitSeconds = 0)
    {
        const string sql = """
            INSERT INTO live_calls (tenant_id, call_id, queue_id, project_id, queued_at, left_at)
            SELECT @TenantId, @callId, @queueId, COALESCE(@projectId, q.project_id), @at - make_interval(secs => @waitSeconds), @at
            FROM (SELECT 1) one LEFT JOIN queues q ON q.tenant_id = @TenantId AND q.queue_id = @queueId
            WHERE @projectId IS NOT NULL OR q.project_id IS NOT NULL
            ON CONFLICT (tenant_id, call_id, queue_id) DO UPDATE SET left_at = GREATEST(live_calls.left_at, EXCLUDED.left_at);
            """;
        return session.ExecuteAsync(sql, new { session.TenantId, callId, queueId, projectId, at, waitSeconds }, ct);
    }
}

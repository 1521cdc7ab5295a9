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

    private const string Interval = "date_bin('15 minutes', @At, TIMESTAMPTZ '2000-01-01 00:00:00+00')";

    private const string Threshold =
        "COALESCE((SELECT service_level_seconds FROM queues WHERE tenant_id = @TenantId AND queue_id = @QueueId), " + DefaultThreshold + ")";

    public static Task QueuedAsync(TenantSession session, CallQueued e, CancellationToken ct)
    {
        const string sql = $"""
            INSERT INTO queues (tenant_id, queue_id, project_id, service_level_seconds, seen_at)
            VALUES (@TenantId, @QueueId, @ProjectId, @ServiceLevelSeconds, @At)
            ON CONFLICT (tenant_id, queue_id) DO UPDATE SET
                project_id = EXCLUDED.project_id,
                service_level_seconds = CASE WHEN EXCLUDED.seen_at >= queues.seen_at
                    THEN COALESCE(EXCLUDED.service_level_seconds, queues.service_level_seconds)
                    ELSE COALESCE(queues.service_level_seconds, EXCLUDED.service_level_seconds) END,
                seen_at = GREATEST(queues.seen_at, EXCLUDED.seen_at);

            INSERT INTO queue_intervals (tenant_id, queue_id, interval_start, project_id, offered)
            VALUES (@TenantId, @QueueId, {Interval}, @ProjectId, 1)
            ON CONFLICT (tenant_id, queue_id, interval_start) DO UPDATE SET offered = queue_intervals.offered + 1;

            INSERT INTO live_calls (tenant_id, call_id, queue_id, project_id, queued_at)
            VALUES (@TenantId, @CallId, @QueueId, @ProjectId, @At)
            ON CONFLICT (tenant_id, call_id, queue_id) DO UPDATE SET queued_at = GREATEST(live_calls.queued_at, EXCLUDED.queued_at);
            """;
        return session.ExecuteAsync(sql, new { session.TenantId, e.QueueId, e.ProjectId, e.ServiceLevelSeconds, e.At, e.CallId }, ct);
    }

    public static async Task AnsweredAsync(TenantSession session, CallAnswered e, CancellationToken ct)
    {
        const string sql = $"""
            INSERT INTO queue_intervals (tenant_id, queue_id, interval_start, project_id, answered, answered_within_threshold,
                                         answer_wait_seconds, longest_wait_seconds)
            VALUES (@TenantId, @QueueId, {Interval}, @ProjectId, 1, CASE WHEN @WaitSeconds <= {Threshold} THEN 1 ELSE 0 END,
                    @WaitSeconds, @WaitSeconds)
            ON CONFLICT (tenant_id, queue_id, interval_start) DO UPDATE SET
                answered = queue_intervals.answered + 1,
                answered_within_threshold = queue_intervals.answered_within_threshold + EXCLUDED.answered_within_threshold,
                answer_wait_seconds = queue_intervals.answer_wait_seconds + EXCLUDED.answer_wait_seconds,
                longest_wait_seconds = GREATEST(queue_intervals.longest_wait_seconds, EXCLUDED.longest_wait_seconds);
            """;
        await session.ExecuteAsync(sql, new { session.TenantId, e.QueueId, e.ProjectId, e.WaitSeconds, e.At }, ct);
        await LeftLineAsync(session, e.CallId, e.QueueId, e.At, ct, e.ProjectId, e.WaitSeconds);
    }

    public static async Task AbandonedAsync(TenantSession session, CallAbandoned e, CancellationToken ct)
    {
        const string sql = $"""
            INSERT INTO queue_intervals (tenant_id, queue_id, interval_start, project_id, abandoned, abandoned_within_threshold, longest_wait_seconds)
            VALUES (@TenantId, @QueueId, {Interval}, @ProjectId, 1, CASE WHEN @WaitSeconds <= {Threshold} THEN 1 ELSE 0 END, @WaitSeconds)
            ON CONFLICT (tenant_id, queue_id, interval_start) DO UPDATE SET
                abandoned = queue_intervals.abandoned + 1,
                abandoned_within_threshold = queue_intervals.abandoned_within_threshold + EXCLUDED.abandoned_within_threshold,
                longest_wait_seconds = GREATEST(queue_intervals.longest_wait_seconds, EXCLUDED.longest_wait_seconds);
            """;
        await session.ExecuteAsync(sql, new { session.TenantId, e.QueueId, e.ProjectId, e.WaitSeconds, e.At }, ct);
        await LeftLineAsync(session, e.CallId, e.QueueId, e.At, ct, e.ProjectId, e.WaitSeconds);
    }

    public static Task CompletedAsync(TenantSession session, CallCompleted e, CancellationToken ct)
    {
        const string sql = $"""
            INSERT INTO queue_intervals (tenant_id, queue_id, interval_start, project_id, handled, talk_seconds, hold_seconds, wrap_up_seconds)
            VALUES (@TenantId, @QueueId, {Interval}, @ProjectId, 1, @TalkSeconds, @HoldSeconds, @WrapUpSeconds)
            ON CONFLICT (tenant_id, queue_id, interval_start) DO UPDATE SET
                handled = queue_intervals.handled + 1,
                talk_seconds = queue_intervals.talk_seconds + EXCLUDED.talk_seconds,
                hold_seconds = queue_intervals.hold_seconds + EXCLUDED.hold_seconds,
                wrap_up_seconds = queue_intervals.wrap_up_seconds + EXCLUDED.wrap_up_seconds;
            """;
        return session.ExecuteAsync(sql, new { session.TenantId, e.QueueId, e.ProjectId, e.TalkSeconds, e.HoldSeconds, e.WrapUpSeconds, e.At }, ct);
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

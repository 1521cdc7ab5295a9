using Platform.Reporting.Kpis;
using Platform.Reporting.Projects;
using Platform.ServiceDefaults.Database;

namespace Platform.Reporting.Live;

/// <summary>
/// The wallboard: per queue the calls waiting and the longest wait now, and today's (the project's day) offered, answered, abandoned,
/// handled, service level, ASA and abandonment rate; the agents by state (for the call center's own people only).
/// </summary>
public static class Wallboard
{
    public sealed record QueueBoard(
        Guid QueueId, Guid ProjectId, long CallsWaiting, double LongestWaitSeconds, long Offered, long Answered, long Abandoned, long Handled,
        double? ServiceLevel, double? ServiceLevelCountingShortAbandons, double? AverageSpeedOfAnswer, double? AbandonmentRate, double? AverageHandleTime,
        string? Name, long CallbacksWaiting);

    public sealed record Board(DateTimeOffset At, IReadOnlyList<QueueBoard> Queues, IReadOnlyDictionary<string, long>? AgentsByState);

    private sealed record Row(
        Guid QueueId, Guid ProjectId, string? Name, long Waiting, DateTime? OldestWaiting, long Callbacks, long Offered, long Answered, long AnsweredWithinThreshold, long Abandoned,
        long AbandonedWithinThreshold, double AnswerWaitSeconds, double LongestWaitSeconds, long Handled, double TalkSeconds, double HoldSeconds,
        double WrapUpSeconds, long ExcludedAbandons);

    /// <summary>Calls queued longer ago than this no longer count as waiting (a lost leave event must not haunt the board).</summary>
    private static readonly TimeSpan WaitingHorizon = TimeSpan.FromHours(12);

    /// <summary>Callbacks requested longer ago than this are no longer shown waiting (the queue's own callback list is the record).</summary>
    private static readonly TimeSpan CallbackHorizon = TimeSpan.FromDays(7);

    public static async Task<Board> ReadAsync(
        TenantSession session, Guid[]? onlyProjects, Guid? projectId, Guid? queueId, bool withAgents, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            SELECT q.queue_id, q.project_id, q.name, w.waiting, w.oldest_waiting, b.callbacks,
                   COALESCE(t.offered, 0) AS offered, COALESCE(t.answered, 0) AS answered,
                   COALESCE(t.answered_within_threshold, 0) AS answered_within_threshold, COALESCE(t.abandoned, 0) AS abandoned,
                   COALESCE(t.abandoned_within_threshold, 0) AS abandoned_within_threshold, COALESCE(t.answer_wait_seconds, 0) AS answer_wait_seconds,
                   COALESCE(t.longest_wait_seconds, 0) AS longest_wait_seconds, COALESCE(t.handled, 0) AS handled,
                   COALESCE(t.talk_seconds, 0) AS talk_seconds, COALESCE(t.hold_seconds, 0) AS hold_seconds, COALESCE(t.wrap_up_seconds, 0) AS wrap_up_seconds,
                   COALESCE(t.excluded_abandons, 0) AS excluded_abandons
            FROM queues q
            CROSS JOIN LATERAL (
                SELECT count(*) AS waiting, min(c.queued_at) AS oldest_waiting FROM live_calls c
                WHERE c.tenant_id = q.tenant_id AND c.queue_id = q.queue_id AND c.queued_at > @horizon
                  AND (c.left_at IS NULL OR c.left_at < c.queued_at)) w
            CROSS JOIN LATERAL (
                SELECT count(*) AS callbacks FROM live_calls c
                WHERE c.tenant_id = q.tenant_id AND c.queue_id = q.queue_id AND c.callback_at > @callbackHorizon
                  AND c.left_at <= c.callback_at AND c.queued_at <= c.callback_at) b
            LEFT JOIN LATERAL (
                SELECT sum(offered)::bigint AS offered, sum(answered)::bigint AS answered, sum(answered_within_threshold)::bigint AS answered_within_threshold,
                       sum(abandoned)::bigint AS abandoned, sum(abandoned_within_threshold)::bigint AS abandoned_within_threshold,
                       sum(answer_wait_seconds) AS answer_wait_seconds, max(longest_wait_seconds) AS longest_wait_seconds,
                       sum(handled)::bigint AS handled, sum(talk_seconds) AS talk_seconds, sum(hold_seconds) AS hold_seconds, sum(wrap_up_seconds) AS wrap_up_seconds,
                       sum(excluded_abandons)::bigint AS excluded_abandons
                FROM queue_intervals i WHERE i.tenant_id = q.tenant_id AND i.queue_id = q.queue_id
                  AND i.interval_start >= COALESCE((SELECT d.today FROM unnest(@projects, @todays) AS d(project_id, today) WHERE d.project_id = q.project_id),
                                                   @utcToday)) t ON true
            WHERE q.tenant_id = @TenantId
              AND (CAST(@projectId AS uuid) IS NULL OR q.project_id = @projectId)
              AND (CAST(@queueId AS uuid) IS NULL OR q.queue_id = @queueId)
              AND (CAST(@onlyProjects AS uuid[]) IS NULL OR q.project_id = ANY(@onlyProjects))
            ORDER BY q.project_id, q.queue_id
            """;
        // "Today" is each project's own day; a project reporting has not seen created yet counts from UTC midnight.
        var zones = await ProjectZones.LoadAsync(session, ct);
        var projects = zones.Projects.ToArray();
        var todays = projects.Select(p => ReportingDay.Start(ReportingDay.DayOf(now, zones.Of(p)), zones.Of(p))).ToArray();
        var utcToday = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var rows = await session.QueryAsync<Row>(sql, new
        {
            session.TenantId, projectId, queueId, onlyProjects, projects, todays, utcToday, horizon = now - WaitingHorizon,
            callbackHorizon = now - CallbackHorizon,
        }, ct);
        var queues = rows.Select(r =>
        {
            var counts = new QueueCounts(r.Offered, r.Answered, r.AnsweredWithinThreshold, r.Abandoned, r.AbandonedWithinThreshold,
                r.AnswerWaitSeconds, r.LongestWaitSeconds, r.Handled, r.TalkSeconds, r.HoldSeconds, r.WrapUpSeconds, ExcludedAbandons: r.ExcludedAbandons);
            var longest = r.OldestWaiting is { } oldest ? Math.Max(0, Math.Round((now - new DateTimeOffset(oldest, TimeSpan.Zero)).TotalSeconds, 1)) : 0;
            return new QueueBoard(r.QueueId, r.ProjectId, r.Waiting, longest, r.Offered, r.Answered, r.Abandoned, r.Handled,
                counts.ServiceLevel, counts.ServiceLevelCountingShortAbandons, counts.AverageSpeedOfAnswer, counts.AbandonmentRate, counts.AverageHandleTime,
                r.Name, r.Callbacks);
        }).ToList();
        return new Board(now, queues, withAgents ? await AgentsByStateAsync(session, projectId, queueId, ct) : null);
    }

    /// <summary>The agents by their latest state: of the queue's members, of the project's queues' members, or of the whole call center.</summary>
    private static async Task<IReadOnlyDictionary<string, long>> AgentsByStateAsync(TenantSession session, Guid? projectId, Guid? queueId, CancellationToken ct)
    {
        const string sql = $"""
            SELECT s.state, count(*) AS agents
            FROM agents a
            CROSS JOIN LATERAL (SELECT state FROM agent_state_changes c WHERE c.tenant_id = a.tenant_id AND c.agent_id = a.agent_id
                                ORDER BY c.sequence DESC, c.at DESC LIMIT 1) s
            WHERE a.tenant_id = @TenantId AND {LiveAgents.Watched}
            GROUP BY s.state ORDER BY s.state
            """;
        var rows = await session.QueryAsync<(string State, long Agents)>(sql, new { session.TenantId, projectId, queueId }, ct);
        return rows.ToDictionary(r => r.State, r => r.Agents);
    }
}

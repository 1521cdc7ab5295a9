using Platform.ServiceDefaults.Database;

namespace Platform.Reporting.Live;

/// <summary>
/// The real-time agent list a supervisor watches: per agent the state (by the agent's own sequence), its reason (the pause
/// code), since when and for how long, and the call it concerns with its queue and the caller's wait (until now while
/// offered, until the answer once answered). Narrowed to a queue's members or the members of a project's queues.
/// </summary>
public static class LiveAgents
{
    public sealed record LiveAgent(
        Guid AgentId, string Name, Guid? GroupId, string State, string? PauseCode, DateTimeOffset Since, double SecondsInState,
        Guid? CallId, Guid? CallQueueId, double? CallWaitSeconds);

    /// <summary>The agents watched (<c>a</c> is an <c>agents</c> row; <c>@projectId</c>/<c>@queueId</c> may be null).</summary>
    public const string Watched = """
        ((CAST(@queueId AS uuid) IS NULL AND CAST(@projectId AS uuid) IS NULL)
         OR EXISTS (SELECT 1 FROM queue_members m JOIN queues mq ON mq.tenant_id = m.tenant_id AND mq.queue_id = m.queue_id
                    WHERE m.tenant_id = a.tenant_id AND m.agent_id = a.agent_id
                      AND (CAST(@queueId AS uuid) IS NULL OR m.queue_id = @queueId)
                      AND (CAST(@projectId AS uuid) IS NULL OR mq.project_id = @projectId)))
        """;

    private sealed record Row(Guid AgentId, string Name, Guid? GroupId, string State, string? PauseCode, DateTime Since, Guid? CallId,
        Guid? CallQueueId, DateTime? QueuedAt, DateTime? LeftAt);

    public static async Task<IReadOnlyList<LiveAgent>> ReadAsync(TenantSession session, Guid? projectId, Guid? queueId, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = $"""
            SELECT a.agent_id, a.name, a.group_id, s.state, s.pause_code, s.at AS since,
                   CASE WHEN s.state IN ('offered', 'on_call', 'wrap_up') THEN s.call_id END AS call_id, c.queue_id AS call_queue_id,
                   c.queued_at, c.left_at
            FROM agents a
            CROSS JOIN LATERAL (SELECT state, pause_code, at, call_id FROM agent_state_changes x
                                WHERE x.tenant_id = a.tenant_id AND x.agent_id = a.agent_id ORDER BY x.sequence DESC, x.at DESC LIMIT 1) s
            LEFT JOIN LATERAL (SELECT queue_id, queued_at, left_at FROM live_calls l
                               WHERE l.tenant_id = a.tenant_id AND l.call_id = s.call_id AND s.state IN ('offered', 'on_call', 'wrap_up')
                               ORDER BY l.queued_at DESC LIMIT 1) c ON true
            WHERE a.tenant_id = @TenantId AND {Watched}
            ORDER BY a.name, a.agent_id
            """;
        var rows = await session.QueryAsync<Row>(sql, new { session.TenantId, projectId, queueId }, ct);
        return rows.Select(r =>
        {
            var since = new DateTimeOffset(DateTime.SpecifyKind(r.Since, DateTimeKind.Utc));
            double? wait = r.QueuedAt is { } queued
                ? Math.Round(Math.Max(0, ((r.State != "offered" && r.LeftAt is { } left && left >= queued ? Utc(left) : now) - Utc(queued)).TotalSeconds), 1)
                : null;
            return new LiveAgent(r.AgentId, r.Name, r.GroupId, r.State, r.PauseCode, since, Math.Round(Math.Max(0, (now - since).TotalSeconds), 1),
                r.CallId, r.CallQueueId, wait);
        }).ToList();
    }

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}

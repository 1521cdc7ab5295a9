using Platform.ServiceDefaults.Database;

namespace Platform.Queue.Calls;

/// <summary>A call read with its row locked (FOR UPDATE): every command on a call starts here, so two commands on one call run one after the other.</summary>
public sealed class LockedCall
{
    public Guid Id { get; init; }
    public Guid ProjectId { get; init; }
    public Guid QueueId { get; init; }
    public string Status { get; init; } = "";
    public string CallerNumber { get; init; } = "";
    public Guid? ContactId { get; init; }
    public bool Vip { get; init; }
    public int Priority { get; init; }
    public Guid? AgentId { get; init; }
    public string? CallbackNumber { get; init; }
    public DateTime ArrivedAt { get; init; }
    public DateTime EnqueuedAt { get; init; }
    public DateTime? AnsweredAt { get; init; }
    public DateTime? EndedAt { get; init; }
    public int HoldSeconds { get; init; }

    public static Task<LockedCall?> LockAsync(TenantSession session, Guid callId, CancellationToken ct) =>
        session.QuerySingleOrDefaultAsync<LockedCall>("""
            SELECT id, project_id, queue_id, status, caller_number, contact_id, vip, priority, agent_id, callback_number,
                   arrived_at, enqueued_at, answered_at, ended_at, hold_seconds
            FROM calls WHERE tenant_id = @TenantId AND id = @callId FOR UPDATE
            """, new { session.TenantId, callId }, ct);

    /// <summary>
    /// The call the agent wraps up. The status is written in the statement, not passed: the partial index calls_one_per_agent
    /// serves it under a generic plan too (with the status a parameter, PostgreSQL scanned the tenant's calls, 5 ms a time).
    /// </summary>
    public static Task<LockedCall?> LockWrappingUpAsync(TenantSession session, Guid agentId, CancellationToken ct) =>
        session.QuerySingleOrDefaultAsync<LockedCall>("""
            SELECT id, project_id, queue_id, status, caller_number, contact_id, vip, priority, agent_id, callback_number,
                   arrived_at, enqueued_at, answered_at, ended_at, hold_seconds
            FROM calls WHERE tenant_id = @TenantId AND agent_id = @agentId AND status = 'wrap_up' FOR UPDATE
            """, new { session.TenantId, agentId }, ct);

    public static DateTimeOffset Utc(DateTime stored) => new(DateTime.SpecifyKind(stored, DateTimeKind.Utc));
}

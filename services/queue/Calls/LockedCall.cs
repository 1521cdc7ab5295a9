using System.Security.Claims;
using Platform.ServiceDefaults.Auth;
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

    /// <summary>When the hold in progress began (null: the caller is not on hold).</summary>
    public DateTime? HeldSince { get; init; }

    /// <summary>How many times the caller was put on hold during this talk (measured holds: 0 when the PBX or desktop never used hold/resume).</summary>
    public int Holds { get; init; }

    /// <summary>The campaign whose dial this call is, until a transfer puts it in a queue.</summary>
    public Guid? CampaignId { get; init; }

    /// <summary>The dial-outs made for this callback so far.</summary>
    public int DialAttempts { get; init; }

    /// <summary>The wrap-up seconds of the call's queue now.</summary>
    public int QueueWrapUpSeconds { get; init; }

    /// <summary>The service-level threshold T of the call's queue now (carried on the answer and abandon events).</summary>
    public int? QueueServiceLevelSeconds { get; init; }

    /// <summary>The short-abandon threshold of the call's queue now (carried on the abandon event).</summary>
    public int? QueueShortAbandonSeconds { get; init; }
    public bool? QueueShortAbandonsExcluded { get; init; }

    /// <summary>Whether <see cref="ActingAgentId"/> was asked for (the call was locked for an agent acting for themselves).</summary>
    public bool ActingAgentKnown { get; init; }

    /// <summary>The agent record of the user acting on the call, read with it; null when the user is not set up as an agent.</summary>
    public Guid? ActingAgentId { get; init; }

    /// <summary>
    /// Locks the call. For a user who acts for themselves only (an agent), their own agent record comes in the same
    /// statement (<see cref="ActingAgentId"/>), which <see cref="ActingAgent"/> would otherwise read with a query of its own.
    /// </summary>
    public static Task<LockedCall?> LockAsync(TenantSession session, Guid callId, CancellationToken ct, ClaimsPrincipal? actingUser = null)
    {
        var acting = actingUser is not null && ActingAgent.ActsForSelfOnly(actingUser) ? actingUser.UserId() : (Guid?)null;
        return session.QuerySingleOrDefaultAsync<LockedCall>("""
            SELECT c.id, c.project_id, c.queue_id, c.status, c.caller_number, c.contact_id, c.vip, c.priority, c.agent_id, c.callback_number,
                   c.arrived_at, c.enqueued_at, c.answered_at, c.ended_at, c.hold_seconds, c.held_since, c.holds, c.dial_attempts, c.campaign_id,
                   (SELECT q.wrap_up_seconds FROM queues q WHERE q.tenant_id = c.tenant_id AND q.id = c.queue_id) AS queue_wrap_up_seconds,
                   (SELECT q.service_level_seconds FROM queues q WHERE q.tenant_id = c.tenant_id AND q.id = c.queue_id) AS queue_service_level_seconds,
                   (SELECT q.short_abandon_seconds FROM queues q WHERE q.tenant_id = c.tenant_id AND q.id = c.queue_id) AS queue_short_abandon_seconds,
                   (SELECT q.short_abandons = 'excluded' FROM queues q WHERE q.tenant_id = c.tenant_id AND q.id = c.queue_id) AS queue_short_abandons_excluded,
                   @knowsActing AS acting_agent_known,
                   (SELECT a.id FROM agents a WHERE a.tenant_id = c.tenant_id AND a.user_id = @acting) AS acting_agent_id
            FROM calls c WHERE c.tenant_id = @TenantId AND c.id = @callId FOR UPDATE OF c
            """, new { session.TenantId, callId, acting, knowsActing = acting is not null }, ct);
    }

    /// <summary>
    /// The call the agent wraps up. The status is written in the statement, not passed: the partial index calls_one_per_agent
    /// serves it under a generic plan too (with the status a parameter, PostgreSQL scanned the tenant's calls, 5 ms a time).
    /// </summary>
    public static Task<LockedCall?> LockWrappingUpAsync(TenantSession session, Guid agentId, CancellationToken ct) =>
        session.QuerySingleOrDefaultAsync<LockedCall>("""
            SELECT id, project_id, queue_id, status, caller_number, contact_id, vip, priority, agent_id, callback_number,
                   arrived_at, enqueued_at, answered_at, ended_at, hold_seconds, held_since, holds, campaign_id
            FROM calls WHERE tenant_id = @TenantId AND agent_id = @agentId AND status = 'wrap_up' FOR UPDATE
            """, new { session.TenantId, agentId }, ct);

    public static DateTimeOffset Utc(DateTime stored) => new(DateTime.SpecifyKind(stored, DateTimeKind.Utc));
}

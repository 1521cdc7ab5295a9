using System.Text.Json;
using Npgsql;
using Platform.Contracts.Queue;
using Platform.Queue.Agents;
using Platform.Queue.Queues;
using Platform.Queue.Routing;
using Platform.Queue.Telephony;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.Queue.Dispatch;

/// <summary>
/// Offers a queue's waiting calls to its free agents. One dispatcher per queue at a time across every replica
/// (a transaction-scoped advisory lock); the calls and agents it takes are row-locked with SKIP LOCKED, so a
/// dispatcher of another queue sharing an agent, or an agent going on break, never waits on it and never loses to
/// it silently: whoever holds the row decides. The unique indexes on call_offers are the last word.
/// </summary>
public sealed partial class Dispatcher(NpgsqlDataSource db, TimeProvider clock, ILogger<Dispatcher> logger)
{
    private const int CallsConsidered = 500;

    public async Task<int> DispatchAsync(Guid tenantId, Guid queueId, CancellationToken ct)
    {
        try
        {
            await using var session = await db.BeginTenantSessionAsync(tenantId, ct);
            var offered = await DispatchInAsync(session, queueId, ct);
            await session.CommitAsync(ct);
            return offered.Count;
        }
        catch (PostgresException e) when (GaveWay(e))
        {
            // Another replica got there first; the call waits for the next trigger or sweep, nothing half-written.
            LogDispatchLost(queueId, e.SqlState);
            return 0;
        }
    }

    /// <summary>A dispatch that failed this way lost a race to another replica and left nothing half-written behind.</summary>
    public static bool GaveWay(PostgresException e) =>
        e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure;

    /// <summary>Dispatches, one after the other, the queues an agent who just became free belongs to, oldest head call first.</summary>
    public async Task DispatchForAgentAsync(Guid tenantId, Guid agentId, CancellationToken ct)
    {
        List<Guid> queues;
        await using (var session = await db.BeginTenantSessionAsync(tenantId, ct))
        {
            queues = await QueuesToServeAsync(session, agentId, ct);
            await session.CommitAsync(ct);
        }
        await DispatchQueuesAsync(tenantId, queues, ct);
    }

    /// <summary>
    /// The queues of an agent with calls waiting, oldest head call first: read in the transaction that freed the agent, so
    /// that the dispatches after its commit (<see cref="DispatchQueuesAsync"/>) need no transaction of their own to find them.
    /// </summary>
    public static async Task<List<Guid>> QueuesToServeAsync(TenantSession session, Guid agentId, CancellationToken ct)
    {
        const string sql = """
            SELECT m.queue_id FROM queue_members m
            JOIN LATERAL (
                SELECT vip, priority, enqueued_at FROM calls c
                WHERE c.tenant_id = m.tenant_id AND c.queue_id = m.queue_id AND c.status = 'waiting'
                ORDER BY vip DESC, priority DESC, enqueued_at LIMIT 1) head ON true
            WHERE m.tenant_id = @TenantId AND m.agent_id = @agentId
            ORDER BY head.vip DESC, head.priority DESC, head.enqueued_at
            """;
        return (await session.QueryAsync<Guid>(sql, new { session.TenantId, agentId }, ct)).ToList();
    }

    public async Task DispatchQueuesAsync(Guid tenantId, IEnumerable<Guid> queues, CancellationToken ct)
    {
        foreach (var queueId in queues)
        {
            await DispatchAsync(tenantId, queueId, ct);
        }
    }

    /// <summary>
    /// The queue's dispatch lock for the rest of <paramref name="session"/>'s transaction (taking it again in the same
    /// transaction does not wait). An arrival takes it before it joins the line, so the line's order by entry time is the
    /// order in which arrivals commit: a call stamped earlier is never invisible to a dispatch that offers a later one.
    /// </summary>
    public static Task LockQueueAsync(TenantSession session, Guid queueId, CancellationToken ct) =>
        session.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", new { key = $"queue:{queueId}" }, ct);

    private sealed class CallRow
    {
        public Guid Id { get; init; }
        public Guid ProjectId { get; init; }
        public bool Vip { get; init; }
        public int Priority { get; init; }
        public DateTime EnqueuedAt { get; init; }
        public Guid? TargetAgentId { get; init; }
        public Guid[]? DeclinedBy { get; init; }
        public bool CarriedOver { get; init; }
    }

    private sealed record AgentRow(Guid Id, int Tier, int MemberOrder, DateTime IdleSince, int CallsHandledToday, long TalkSecondsToday, string Skills);

    /// <summary>
    /// Offers the queue's waiting calls to its free agents inside <paramref name="session"/>'s transaction, which holds the
    /// queue's dispatch lock until it ends: a call arriving is offered in the transaction that queues it. The ids of the
    /// calls offered; a <see cref="PostgresException"/> for which <see cref="GaveWay"/> holds means another replica won a race.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> DispatchInAsync(TenantSession session, Guid queueId, CancellationToken ct)
    {
        await LockQueueAsync(session, queueId, ct);
        var queue = await QueueRow.FindAsync(session, queueId, ct);
        if (queue is null)
        {
            return [];
        }
        var now = clock.GetUtcNowAsStored();
        // The line is read in the order of the calls_waiting index (VIP, priority, arrival: a carried-over callback is old, so
        // among the first); Router orders it fully (CallOrder: carried-over callbacks, aging). A callback scheduled for later is not offered before its time; a transfer's wait for a named agent that ran out
        // lets any agent take the call; agents who declined a call are not offered it again.
        const string callsSql = """
            SELECT c.id, c.project_id, c.vip, c.priority, c.enqueued_at, c.callback_carried_at IS NOT NULL AS carried_over,
                   CASE WHEN c.target_until IS NULL OR c.target_until > @now THEN c.target_agent_id END AS target_agent_id,
                   CASE WHEN c.declined THEN (SELECT array_agg(d.agent_id) FROM call_declines d
                                              WHERE d.tenant_id = c.tenant_id AND d.call_id = c.id) END AS declined_by
            FROM calls c
            WHERE c.tenant_id = @TenantId AND c.queue_id = @queueId AND c.status = 'waiting'
              AND (c.callback_due_at IS NULL OR c.callback_due_at <= @now)
            ORDER BY c.vip DESC, c.priority DESC, c.enqueued_at LIMIT @limit
            """;
        var calls = (await session.QueryAsync<CallRow>(callsSql, new { session.TenantId, queueId, limit = CallsConsidered, now }, ct)).ToList();
        if (calls.Count == 0)
        {
            return [];
        }
        // Free members who work the queue's project and hold no offer, whose device the PBX has not reported unregistered.
        // Counters of another day count as zero.
        const string agentsSql = """
            SELECT a.id, m.tier, m.member_order, a.idle_since,
                   CASE WHEN a.day = CAST(@now AS date) THEN a.calls_handled_today ELSE 0 END AS calls_handled_today,
                   CASE WHEN a.day = CAST(@now AS date) THEN a.talk_seconds_today ELSE 0 END AS talk_seconds_today,
                   COALESCE((SELECT jsonb_object_agg(s.skill, s.proficiency) FROM agent_skills s
                             WHERE s.tenant_id = a.tenant_id AND s.agent_id = a.id), '{}')::text AS skills
            FROM queue_members m
            JOIN agents a ON a.tenant_id = m.tenant_id AND a.id = m.agent_id
            WHERE m.tenant_id = @TenantId AND m.queue_id = @queueId AND a.state = 'available'
              AND EXISTS (SELECT 1 FROM agent_projects p WHERE p.tenant_id = a.tenant_id AND p.agent_id = a.id AND p.project_id = @ProjectId)
              AND NOT EXISTS (SELECT 1 FROM call_offers o WHERE o.tenant_id = a.tenant_id AND o.agent_id = a.id)
              AND a.device_registered IS NOT FALSE
            """;
        var agentRows = (await session.QueryAsync<AgentRow>(agentsSql, new { session.TenantId, queueId, queue.ProjectId, now }, ct)).ToList();
        if (agentRows.Count == 0)
        {
            return [];
        }
        var assignments = new List<Assignment>();
        // A call transferred to one agent waits for that agent only (until the transfer's wait runs out); it does not enter the strategy.
        foreach (var call in calls.Where(c => c.TargetAgentId is not null))
        {
            var target = agentRows.FirstOrDefault(a => a.Id == call.TargetAgentId);
            if (target is not null)
            {
                assignments.Add(new Assignment(call.Id, [target.Id]));
                agentRows.Remove(target);
            }
        }
        var candidates = agentRows.Select(ToCandidate).ToList();
        // A call some agent declined is routed on its own, in line order, among the agents who did not decline it (few calls).
        foreach (var call in calls.Where(c => c.TargetAgentId is null && c.DeclinedBy is { Length: > 0 }))
        {
            var others = candidates.Where(a => !call.DeclinedBy!.Contains(a.AgentId)).ToList();
            var one = Router.Route(queue.Rules, [ToWaiting(call)], others, now, new RoundRobinCursor(null, null), Random.Shared);
            foreach (var assignment in one.Assignments)
            {
                assignments.Add(assignment);
                candidates.RemoveAll(a => assignment.AgentIds.Contains(a.AgentId));
            }
        }
        var waiting = calls.Where(c => c.TargetAgentId is null && c.DeclinedBy is not { Length: > 0 }).Select(ToWaiting).ToList();
        // Round robin continues after the agent who had the last turn, even while that agent is busy (not a candidate now).
        var lastTurn = queue.RoundRobinLastAgent is { } last
            ? await session.QuerySingleOrDefaultAsync<int?>(
                "SELECT member_order FROM queue_members WHERE tenant_id = @TenantId AND queue_id = @queueId AND agent_id = @last",
                new { session.TenantId, queueId, last }, ct)
            : null;
        var routed = Router.Route(queue.Rules, waiting, candidates, now, new RoundRobinCursor(queue.RoundRobinLastAgent, lastTurn), Random.Shared);
        assignments.AddRange(routed.Assignments);

        var offered = new List<Guid>();
        foreach (var assignment in assignments)
        {
            if (await OfferAsync(session, queue, calls.First(c => c.Id == assignment.CallId), assignment.AgentIds, now, ct))
            {
                offered.Add(assignment.CallId);
            }
        }
        if (routed.RoundRobinLastAgent != queue.RoundRobinLastAgent)
        {
            await session.ExecuteAsync("UPDATE queues SET round_robin_last_agent = @last WHERE tenant_id = @TenantId AND id = @queueId",
                new { last = routed.RoundRobinLastAgent, session.TenantId, queueId }, ct);
        }
        return offered;
    }

    private static async Task<bool> OfferAsync(
        TenantSession session, QueueRow queue, CallRow call, IReadOnlyList<Guid> agentIds, DateTimeOffset now, CancellationToken ct)
    {
        const string lockCallSql = """
            SELECT id FROM calls WHERE tenant_id = @TenantId AND id = @callId AND status = 'waiting' FOR UPDATE SKIP LOCKED
            """;
        if (await session.QuerySingleOrDefaultAsync<Guid?>(lockCallSql, new { session.TenantId, callId = call.Id }, ct) is null)
        {
            return false; // the caller hung up or asked for a callback a moment ago
        }
        const string lockAgentsSql = """
            SELECT id FROM agents WHERE tenant_id = @TenantId AND id = ANY(@agentIds) AND state = 'available'
            ORDER BY id FOR UPDATE SKIP LOCKED
            """;
        var agents = (await session.QueryAsync<Guid>(lockAgentsSql, new { session.TenantId, agentIds = agentIds.ToArray() }, ct)).ToList();
        if (agents.Count == 0)
        {
            return false; // taken by another queue's dispatcher, or going on break right now
        }
        var ringAll = queue.RoutingStrategy == RoutingStrategy.RingAll;
        var expiresAt = now.AddSeconds(queue.OfferTimeoutSeconds);
        // The offer and the PBX's command to ring the agents' devices commit together (one round trip).
        const string offerSql = $"""
            UPDATE calls SET status = 'offered', offered_at = @now WHERE tenant_id = @TenantId AND id = @callId;
            INSERT INTO call_offers (tenant_id, call_id, agent_id, ring_all, offered_at, expires_at)
            SELECT @TenantId, @callId, agent, @ringAll, @now, @expiresAt FROM unnest(@agents) AS agent;
            {PbxCommands.RingSql}
            """;
        await session.ExecuteAsync(offerSql, new { session.TenantId, callId = call.Id, now, ringAll, expiresAt, agents = agents.ToArray() }, ct);
        foreach (var agentId in agents)
        {
            await AgentMoves.ApplyAsync(session, agentId, AgentCommand.Offer, now, ct, new AgentMoves.Options(CallId: call.Id, Expected: AgentState.Available));
            await session.PublishAsync(new CallOffered(session.TenantId, call.Id, queue.Id, call.ProjectId, agentId, expiresAt, now), ct);
        }
        return true;
    }

    private static WaitingCall ToWaiting(CallRow c) => new(c.Id, c.Vip, c.Priority, new DateTimeOffset(c.EnqueuedAt, TimeSpan.Zero), c.CarriedOver);

    private static AgentCandidate ToCandidate(AgentRow row) => new(
        row.Id, row.Tier, row.MemberOrder, new DateTimeOffset(row.IdleSince, TimeSpan.Zero), row.CallsHandledToday, row.TalkSecondsToday,
        JsonSerializer.Deserialize<Dictionary<string, int>>(row.Skills) ?? []);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dispatch of queue {QueueId} gave way to another replica ({SqlState})")]
    private partial void LogDispatchLost(Guid queueId, string sqlState);
}

using Dapper;
using Npgsql;
using Platform.Contracts.Queue;
using Platform.Queue.Agents;
using Platform.Queue.Calls;
using Platform.Queue.Queues;
using Platform.Queue.Routing;
using Platform.Queue.Telephony;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Hosting;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.Queue.Dispatch;

public sealed class RoutingSweepOptions
{
    /// <summary>How often expired offers and finished wrap-ups are looked for.</summary>
    public int SweepMilliseconds { get; set; } = 500;

    /// <summary>How often every queue with waiting calls is routed again (skills relax and priorities age with the wait).</summary>
    public int RedispatchSeconds { get; set; } = 2;
}

/// <summary>
/// What happens by itself, on every replica: an offer not accepted in time returns the call to its place and takes
/// the agent out of routing (ring-no-answer) — this is also how a call survives a replica that died mid-offer; a
/// wrap-up whose time is over completes the call; a call waiting past its queue's limit overflows or is refused; and
/// queues are routed again as waits grow. Work is found across tenants under app.system_task = 'routing' and done in
/// each tenant's own session with conditional updates, so replicas sweeping at once do each thing once.
/// </summary>
public sealed partial class RoutingSweep(
    [FromKeyedServices(CrossTenantDataSource.Key)] NpgsqlDataSource db, Dispatcher dispatcher, RoutingSweepOptions options, TimeProvider clock, ILogger<RoutingSweep> logger) : BackgroundService
{
    private DateTimeOffset nextRedispatch = DateTimeOffset.MinValue;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Periodically.RunAsync(TimeSpan.FromMilliseconds(options.SweepMilliseconds), SweepAsync, LogSweepFailed, stoppingToken);

    public async Task SweepAsync(CancellationToken ct)
    {
        foreach (var (tenantId, callId, agentId) in await FindAsync<(Guid, Guid, Guid)>(
                     "SELECT tenant_id, call_id, agent_id FROM call_offers WHERE expires_at < now() ORDER BY expires_at LIMIT 500", ct))
        {
            await ExpireOfferAsync(tenantId, callId, agentId, ct);
        }
        foreach (var (tenantId, agentId) in await FindAsync<(Guid, Guid)>(
                     "SELECT tenant_id, id FROM agents WHERE state = 'wrap_up' AND wrap_up_until < now() LIMIT 500", ct))
        {
            await EndWrapUpAsync(tenantId, agentId, ct);
        }
        if (clock.GetUtcNow() >= nextRedispatch)
        {
            nextRedispatch = clock.GetUtcNow().AddSeconds(options.RedispatchSeconds);
            foreach (var (tenantId, queueId) in await FindAsync<(Guid, Guid)>("SELECT DISTINCT tenant_id, queue_id FROM calls WHERE status = 'waiting'", ct))
            {
                await EnforceLimitsAsync(tenantId, queueId, ct);
                await dispatcher.DispatchAsync(tenantId, queueId, ct);
            }
        }
    }

    private async Task<List<T>> FindAsync<T>(string sql, CancellationToken ct)
    {
        await using var connection = await DatabaseResilience.OpenAsync(db, ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync("SELECT set_config('app.system_task', 'routing', true)", transaction: transaction);
        var rows = await connection.QueryAsync<T>(new CommandDefinition(sql, transaction: transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return rows.ToList();
    }

    /// <summary>
    /// Ring-no-answer: the call goes back to its place in line (when no other ring-all offer is still open). The agent goes on
    /// a ring-no-answer break when the queue says so (its <c>pauseOnRingNoAnswer</c>, on by default) and the offer rang them
    /// alone; a ring-all offer nobody answered puts none of the agents it rang on a break.
    /// </summary>
    public async Task ExpireOfferAsync(Guid tenantId, Guid callId, Guid agentId, CancellationToken ct)
    {
        var now = clock.GetUtcNowAsStored();
        Guid? queueId;
        bool paused;
        List<Guid> overflowInto;
        await using (var session = await db.BeginTenantSessionAsync(tenantId, ct))
        {
            var call = await LockedCall.LockAsync(session, callId, ct);
            if (call is null)
            {
                return;
            }
            const string deleteSql = """
                DELETE FROM call_offers WHERE tenant_id = @TenantId AND call_id = @callId AND agent_id = @agentId AND expires_at < @now
                RETURNING ring_all, (SELECT q.pause_on_ring_no_answer FROM queues q WHERE q.tenant_id = @TenantId AND q.id = @QueueId) AS pause
                """;
            var expired = await session.QuerySingleOrDefaultAsync<(bool RingAll, bool Pause)?>(deleteSql, new { session.TenantId, callId, agentId, now, call.QueueId }, ct);
            if (expired is not { } offer)
            {
                return; // accepted meanwhile, or another replica expired it
            }
            paused = offer.Pause && !offer.RingAll;
            await AgentMoves.ApplyAsync(session, agentId, paused ? AgentCommand.RingNoAnswer : AgentCommand.WithdrawOffer, now, ct,
                new AgentMoves.Options(paused ? PauseCodes.RingNoAnswer : null, callId));
            const string returnSql = """
                UPDATE calls SET status = 'waiting', ring_no_answers = ring_no_answers + 1
                WHERE tenant_id = @TenantId AND id = @callId AND status = 'offered'
                  AND NOT EXISTS (SELECT 1 FROM call_offers WHERE tenant_id = @TenantId AND call_id = @callId);
                """;
            await session.ExecuteAsync(returnSql + PbxCommands.StopRingingSql, new { session.TenantId, callId, agentId, reason = "no answer", now }, ct);
            overflowInto = paused ? await NoAgentRule.AfterAgentLeftAsync(session, agentId, now, ct) : [];
            await session.CommitAsync(ct);
            queueId = call.QueueId;
        }
        LogRingNoAnswer(callId, agentId);
        await dispatcher.DispatchAsync(tenantId, queueId.Value, ct);
        await dispatcher.DispatchQueuesAsync(tenantId, overflowInto, ct);
        if (!paused)
        {
            await dispatcher.DispatchForAgentAsync(tenantId, agentId, ct);
        }
    }

    private async Task EndWrapUpAsync(Guid tenantId, Guid agentId, CancellationToken ct)
    {
        var now = clock.GetUtcNowAsStored();
        await using (var session = await db.BeginTenantSessionAsync(tenantId, ct))
        {
            var due = await session.QuerySingleOrDefaultAsync<bool>(
                "SELECT EXISTS (SELECT 1 FROM agents WHERE tenant_id = @TenantId AND id = @agentId AND state = 'wrap_up' AND wrap_up_until < @now)",
                new { session.TenantId, agentId, now }, ct);
            if (!due || !(await CallEnding.FinishWrapUpAsync(session, agentId, AgentCommand.WrapUpDone, null, now, ct)).Finished)
            {
                return;
            }
            await session.CommitAsync(ct);
        }
        await dispatcher.DispatchForAgentAsync(tenantId, agentId, ct);
    }

    /// <summary>
    /// The limits of a queue with calls waiting: a transfer's wait for a named agent that ran out falls back to the queue;
    /// then <see cref="QueueLimits"/> (max wait, and the no-agent rule for calls an agent's leaving could not settle at once).
    /// </summary>
    private async Task EnforceLimitsAsync(Guid tenantId, Guid queueId, CancellationToken ct)
    {
        var now = clock.GetUtcNowAsStored();
        Guid? overflowInto = null;
        await using (var session = await db.BeginTenantSessionAsync(tenantId, ct))
        {
            var queue = await QueueRow.FindAsync(session, queueId, ct);
            if (queue is null)
            {
                return;
            }
            await session.ExecuteAsync("""
                UPDATE calls SET target_agent_id = NULL, target_until = NULL
                WHERE tenant_id = @TenantId AND queue_id = @queueId AND status = 'waiting' AND target_until < @now
                """, new { session.TenantId, queueId, now }, ct);
            overflowInto = await QueueLimits.EnforceAsync(session, queue, now, nobodyOnly: false, ct);
            await session.CommitAsync(ct);
        }
        if (overflowInto is { } next)
        {
            await dispatcher.DispatchAsync(tenantId, next, ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Offer of call {CallId} to agent {AgentId} was not answered in time; the call is back in line")]
    private partial void LogRingNoAnswer(Guid callId, Guid agentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Routing sweep failed; trying again at the next tick")]
    private partial void LogSweepFailed(Exception exception);
}

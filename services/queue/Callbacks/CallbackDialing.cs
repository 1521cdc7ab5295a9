using Platform.Contracts.Queue;
using Platform.Queue.Agents;
using Platform.Queue.Calls;
using Platform.Queue.Routing;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.Queue.Callbacks;

/// <summary>
/// Every dial-out of a callback is recorded (<c>call_dial_attempts</c>, <see cref="DialOutEnded"/>). One that found no
/// answer or a busy line is tried again after the queue's <c>callbackRetryMinutes</c> (default 15), up to its
/// <c>callbackMaxAttempts</c> dial-outs in all (default 3): the callback goes back to its place in line, due then, and the
/// agent is free at once (nobody was reached: no wrap-up). The last attempt ends the callback with the reason and the count.
/// </summary>
public static class CallbackDialing
{
    public static readonly string[] Retried = ["no_answer", "busy"];

    /// <summary>Records the attempt and its event; the time of the next attempt when there will be one, else null.</summary>
    public static async Task<DateTimeOffset?> RecordAsync(TenantSession session, LockedCall call, string result, DateTimeOffset now, CancellationToken ct)
    {
        var rules = await session.QuerySingleOrDefaultAsync<(int MaxAttempts, int RetryMinutes)>(
            "SELECT callback_max_attempts, callback_retry_minutes FROM queues WHERE tenant_id = @TenantId AND id = @QueueId",
            new { session.TenantId, call.QueueId }, ct);
        var attempt = call.DialAttempts + 1;
        DateTimeOffset? retryAt = Retried.Contains(result) && attempt < rules.MaxAttempts ? now.AddMinutes(rules.RetryMinutes) : null;
        const string sql = """
            INSERT INTO call_dial_attempts (tenant_id, call_id, attempt, agent_id, result, retry_at, at)
            VALUES (@TenantId, @Id, @attempt, @AgentId, @result, @retryAt, @now);
            UPDATE calls SET dial_attempts = @attempt,
                   end_reason = CASE WHEN @attempt > 1 AND @result <> 'answered' AND @retryAt IS NULL
                                     THEN end_reason || ' (' || @attempt || ' attempts)' ELSE end_reason END
            WHERE tenant_id = @TenantId AND id = @Id;
            """;
        await session.ExecuteAsync(sql, new { session.TenantId, call.Id, attempt, call.AgentId, result, retryAt, now }, ct);
        await session.PublishAsync(new DialOutEnded(session.TenantId, call.Id, call.QueueId, call.ProjectId, call.AgentId, "callback", result,
            attempt, retryAt, Final: retryAt is null, now), ct);
        return retryAt;
    }

    /// <summary>The callback goes back to its line, due at <paramref name="retryAt"/>, and its agent is available again.</summary>
    public static async Task RequeueAsync(TenantSession session, LockedCall call, DateTimeOffset retryAt, DateTimeOffset now, CancellationToken ct)
    {
        var agentId = call.AgentId!.Value;
        await session.ExecuteAsync("""
            UPDATE calls SET status = 'waiting', agent_id = NULL, answered_at = NULL, ended_at = NULL, end_reason = NULL,
                   callback_due_at = @retryAt, hold_seconds = 0, holds = 0, held_since = NULL
            WHERE tenant_id = @TenantId AND id = @Id
            """, new { session.TenantId, call.Id, retryAt }, ct);
        await AgentMoves.ApplyAsync(session, agentId, AgentCommand.HangUp, now, ct,
            new AgentMoves.Options(CallId: call.Id, WrapUpUntil: now, Expected: AgentState.OnCall));
        await CallEnding.FinishWrapUpAsync(session, agentId, AgentCommand.WrapUpDone, null, now, ct);
    }
}

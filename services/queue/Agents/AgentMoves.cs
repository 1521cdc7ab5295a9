using Platform.Contracts.Queue;
using Platform.Queue.Routing;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.Queue.Agents;

/// <summary>
/// Moves one agent through the state machine inside the caller's transaction: locks the agent's row, asks
/// <see cref="AgentStateMachine"/>, writes the new state, the history row, the <see cref="AgentStateChanged"/> event
/// and a nudge to the agent's push channel, all committed together.
/// </summary>
public static class AgentMoves
{
    /// <param name="UserId">The user the agent record is linked to (read with the lock), null when none or not found.</param>
    public sealed record Outcome(bool Found, AgentState From, AgentState To, string? Refusal, Guid? UserId = null)
    {
        public bool Moved => Found && Refusal is null;
    }

    /// <param name="Expected">
    /// The state the caller knows the agent is in (an agent it has just locked as available, the holder of a call on a call):
    /// the move is then one conditional statement, and only when the agent is found in another state does it take the
    /// general path (lock, read, decide).
    /// </param>
    public sealed record Options(string? PauseCode = null, Guid? CallId = null, DateTimeOffset? WrapUpUntil = null, AgentState? Expected = null);

    public static async Task<Outcome> ApplyAsync(
        TenantSession session, Guid agentId, AgentCommand command, DateTimeOffset now, CancellationToken ct, Options? options = null)
    {
        options ??= new Options();
        if (options.Expected is { } expected && AgentStateMachine.Decide(expected, command) is { Allowed: true } expectedMove
            && await TryMoveFromAsync(session, agentId, expected, expectedMove.To, now, options, ct) is { } moved)
        {
            return moved;
        }
        const string lockSql = "SELECT state, user_id FROM agents WHERE tenant_id = @TenantId AND id = @agentId FOR UPDATE";
        var row = await session.QuerySingleOrDefaultAsync<(string State, Guid? UserId)?>(lockSql, new { session.TenantId, agentId }, ct);
        if (row is not { } current || !AgentStateNames.TryParse(current.State, out var from))
        {
            return new Outcome(false, AgentState.LoggedOut, AgentState.LoggedOut, "There is no such agent.");
        }
        var transition = AgentStateMachine.Decide(from, command);
        if (!transition.Allowed)
        {
            return new Outcome(true, from, from, transition.Reason, current.UserId);
        }
        // The row is locked in the state just read: the move from it cannot miss.
        return await TryMoveFromAsync(session, agentId, from, transition.To, now, options, ct)
            ?? throw new InvalidOperationException($"Agent {agentId} left {from} while its row was locked.");
    }

    /// <summary>
    /// The move from <paramref name="from"/> in one round trip: the update only if the agent is still in that state (it takes
    /// the row lock, and under a concurrent change PostgreSQL re-checks the state on the committed row), the history row
    /// only if it updated, and a nudge to the agent's push channel. Null when the agent was not in <paramref name="from"/>:
    /// nothing written but the nudge, which at worst makes their desktop read its view once more.
    /// </summary>
    private static async Task<Outcome?> TryMoveFromAsync(
        TenantSession session, Guid agentId, AgentState from, AgentState to, DateTimeOffset now, Options options, CancellationToken ct)
    {
        // Longest idle counts from when the agent last became free: an offer withdrawn from them does not reset it.
        const string sql = """
            WITH moved AS (
                UPDATE agents SET state = @To, pause_code = @PauseCode, state_since = @now,
                       idle_since = CASE WHEN @To = 'available' AND @From <> 'offered' THEN @now ELSE idle_since END,
                       wrap_up_until = @WrapUpUntil, state_sequence = state_sequence + 1
                WHERE tenant_id = @TenantId AND id = @agentId AND state = @From
                RETURNING user_id, state_sequence),
            history AS (
                INSERT INTO agent_state_history (tenant_id, agent_id, from_state, to_state, pause_code, call_id, at)
                SELECT @TenantId, @agentId, @From, @To, @PauseCode, @CallId, @now FROM moved)
            SELECT true AS moved, user_id, state_sequence FROM moved;

            SELECT pg_notify('queue_agents', @Nudge);
            """;
        var pauseCode = to == AgentState.Break ? options.PauseCode ?? PauseCodes.Default : null;
        var row = await session.QuerySingleOrDefaultAsync<(bool Moved, Guid? UserId, long Sequence)?>(sql, new
        {
            session.TenantId, agentId, From = AgentStateNames.ToName(from), To = AgentStateNames.ToName(to), PauseCode = pauseCode,
            options.CallId, now, WrapUpUntil = to == AgentState.WrapUp ? options.WrapUpUntil : null,
            Nudge = AgentNudge.Payload(session.TenantId, agentId),
        }, ct);
        if (row is not { } moved)
        {
            return null;
        }
        await session.PublishAsync(new AgentStateChanged(
            session.TenantId, agentId, AgentStateNames.ToName(from), AgentStateNames.ToName(to), pauseCode, options.CallId, now, moved.Sequence), ct);
        return new Outcome(true, from, to, null, moved.UserId);
    }
}

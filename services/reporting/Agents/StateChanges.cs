using Platform.Reporting.Kpis;
using Platform.ServiceDefaults.Database;

namespace Platform.Reporting.Agents;

/// <summary>An agent's state changes within a span, with the one in force when it starts, in the agent's own order.</summary>
internal static class StateChanges
{
    public static async Task<IReadOnlyList<StateChange>> ReadAsync(
        TenantSession session, Guid agentId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        // The change in force at @from is the last by the agent's sequence (then time, for changes recorded before the queue
        // numbered them): by time alone, two changes in one instant tie.
        const string sql = """
            (SELECT at, state, pause_code, sequence FROM agent_state_changes WHERE tenant_id = @TenantId AND agent_id = @agentId AND at < @from
             ORDER BY sequence DESC, at DESC LIMIT 1)
            UNION ALL
            SELECT at, state, pause_code, sequence FROM agent_state_changes WHERE tenant_id = @TenantId AND agent_id = @agentId AND at >= @from AND at < @to
            """;
        var rows = await session.QueryAsync<(DateTime At, string State, string? PauseCode, long Sequence)>(sql, new { session.TenantId, agentId, from, to }, ct);
        return rows.Select(x => new StateChange(new DateTimeOffset(DateTime.SpecifyKind(x.At, DateTimeKind.Utc)), x.State, x.PauseCode, x.Sequence)).ToList();
    }
}

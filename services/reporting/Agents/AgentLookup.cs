using Platform.ServiceDefaults.Database;

namespace Platform.Reporting.Agents;

/// <summary>An agent by the queue service's agent id or by the user id the agent signs in as.</summary>
internal static class AgentLookup
{
    public static Task<AgentDay.Agent?> FindAsync(TenantSession session, Guid agentId, CancellationToken ct) =>
        session.QuerySingleOrDefaultAsync<AgentDay.Agent>("""
            SELECT agent_id, user_id, name, group_id FROM agents WHERE tenant_id = @TenantId AND (agent_id = @agentId OR user_id = @agentId)
            ORDER BY agent_id = @agentId DESC LIMIT 1
            """, new { session.TenantId, agentId }, ct);
}

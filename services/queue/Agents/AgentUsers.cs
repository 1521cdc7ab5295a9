using Platform.ServiceDefaults.Database;

namespace Platform.Queue.Agents;

/// <summary>The users agents sign in as (null for an agent linked to no user): what the events and the CRM know them by.</summary>
public static class AgentUsers
{
    private sealed record Link(Guid Id, Guid? UserId);

    public static Task<Guid?> OfAsync(TenantSession session, Guid agentId, CancellationToken ct) =>
        session.QuerySingleOrDefaultAsync<Guid?>("SELECT user_id FROM agents WHERE tenant_id = @TenantId AND id = @agentId",
            new { session.TenantId, agentId }, ct);

    /// <summary>The user of each agent named, read in one statement.</summary>
    public static async Task<IReadOnlyDictionary<Guid, Guid?>> OfAsync(TenantSession session, IReadOnlyCollection<Guid> agentIds, CancellationToken ct) =>
        (await session.QueryAsync<Link>("SELECT id, user_id FROM agents WHERE tenant_id = @TenantId AND id = ANY(@agentIds)",
            new { session.TenantId, agentIds = agentIds.ToArray() }, ct)).ToDictionary(a => a.Id, a => a.UserId);
}

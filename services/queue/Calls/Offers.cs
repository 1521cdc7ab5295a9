using Platform.Queue.Agents;
using Platform.Queue.Routing;
using Platform.ServiceDefaults.Database;

namespace Platform.Queue.Calls;

/// <summary>Open offers of a call, taken back when the call is answered elsewhere, abandoned or turned into a callback.</summary>
public static class Offers
{
    /// <summary>Deletes every open offer of the call and frees the agents who held one (except <paramref name="keep"/>). Returns the freed agents.</summary>
    public static async Task<List<Guid>> WithdrawAsync(TenantSession session, Guid callId, Guid? keep, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = "DELETE FROM call_offers WHERE tenant_id = @TenantId AND call_id = @callId RETURNING agent_id";
        var agents = (await session.QueryAsync<Guid>(sql, new { session.TenantId, callId }, ct)).Where(a => a != keep).OrderBy(a => a).ToList();
        foreach (var agentId in agents)
        {
            await AgentMoves.ApplyAsync(session, agentId, AgentCommand.WithdrawOffer, now, ct, new AgentMoves.Options(CallId: callId));
        }
        return agents;
    }
}

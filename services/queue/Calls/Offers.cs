using Platform.Queue.Agents;
using Platform.Queue.Routing;
using Platform.ServiceDefaults.Database;

namespace Platform.Queue.Calls;

/// <summary>Open offers of a call, taken back when the call is answered elsewhere, abandoned or turned into a callback.</summary>
public static class Offers
{
    /// <summary>Deletes every open offer of the call and frees the agents who held one (except <paramref name="keep"/>). Returns the freed agents.</summary>
    /// <remarks>The PBX is told to stop ringing each freed agent's device (<paramref name="reason"/>), in the same statement.</remarks>
    public static async Task<List<Guid>> WithdrawAsync(
        TenantSession session, Guid callId, Guid? keep, DateTimeOffset now, CancellationToken ct, string reason = "withdrawn")
    {
        const string sql = $"""
            WITH gone AS (DELETE FROM call_offers WHERE tenant_id = @TenantId AND call_id = @callId RETURNING agent_id),
            stop AS (
              INSERT INTO pbx_commands (tenant_id, command_id, call_id, kind, body, created_at)
              SELECT @TenantId, gen_random_uuid(), c.id, 'stop_ringing',
                     jsonb_build_object('callId', c.id, 'externalId', c.external_id, 'agentId', a.id, 'device', {Telephony.PbxCommands.DeviceJson},
                                        'reason', @reason::text), @now
              FROM gone g JOIN agents a ON a.tenant_id = @TenantId AND a.id = g.agent_id
                          JOIN calls c ON c.tenant_id = @TenantId AND c.id = @callId
              WHERE g.agent_id IS DISTINCT FROM @keep)
            SELECT agent_id FROM gone
            """;
        var agents = (await session.QueryAsync<Guid>(sql, new { session.TenantId, callId, keep, reason, now }, ct)).Where(a => a != keep).OrderBy(a => a).ToList();
        foreach (var agentId in agents)
        {
            await AgentMoves.ApplyAsync(session, agentId, AgentCommand.WithdrawOffer, now, ct, new AgentMoves.Options(CallId: callId));
        }
        return agents;
    }
}

using Npgsql;
using Platform.Queue.Agents;
using Platform.ServiceDefaults.Push;

namespace Platform.Queue.Push;

/// <summary>
/// The bridge from "an agent changed" (<see cref="AgentNudge"/>, NOTIFY in the change's own transaction) to the agent's
/// open push channels on this replica: the one holding the agent's stream reloads the agent's view and sends it.
/// </summary>
public sealed class AgentChannel(NpgsqlDataSource db, ILogger<AgentChannel> logger) : NudgeListener<(Guid Tenant, Guid Agent)>(db, logger)
{
    protected override string Channel => AgentNudge.Channel;

    protected override bool TryParse(string payload, out (Guid Tenant, Guid Agent) key)
    {
        var parsed = AgentNudge.TryParse(payload, out var tenantId, out var agentId);
        key = (tenantId, agentId);
        return parsed;
    }
}

using Platform.CallSimulator.Gateway;

namespace Platform.CallSimulator.Setup;

/// <summary>What the simulator plays on: the project's default queue, the PBX account, and the agents with their users.</summary>
public sealed record CallCenter(Guid ProjectId, Guid QueueId, GatewayUser Admin, GatewayUser Pbx, IReadOnlyList<CallCenter.Agent> Agents)
{
    public sealed record Agent(Guid Id, string Name, GatewayUser User);
}

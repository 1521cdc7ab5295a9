using Platform.CallSimulator.Gateway;

namespace Platform.CallSimulator.Setup;

/// <summary>
/// What the simulator plays on: one or more lines (a project with its default queue), the PBX account, and the agents
/// with their users, each agent a member of one line's queue.
/// </summary>
public sealed record CallCenter(IReadOnlyList<CallCenter.Line> Lines, GatewayUser Admin, GatewayUser Pbx, IReadOnlyList<CallCenter.Agent> Agents)
{
    public sealed record Line(Guid ProjectId, Guid QueueId);

    public sealed record Agent(Guid Id, string Name, GatewayUser User);

    public Guid ProjectId => Lines[0].ProjectId;
    public Guid QueueId => Lines[0].QueueId;

    /// <summary>Agent <paramref name="index"/> (from 0) works line index mod the number of lines.</summary>
    public static int LineOf(int index, int lines) => index % lines;
}

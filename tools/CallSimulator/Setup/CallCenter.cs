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

    /// <summary>Per line, the numbers of its regular callers, contacts of the line's project (<see cref="CallerBook"/>).</summary>
    public IReadOnlyList<IReadOnlyList<string>> KnownCallers { get; init; } = [];

    public Guid ProjectId => Lines[0].ProjectId;
    public Guid QueueId => Lines[0].QueueId;

    /// <summary>Agent <paramref name="index"/> (from 0) works line index mod the number of lines.</summary>
    /// <summary>A caller's number on <paramref name="line"/>: one of its regular callers, or a number the CRM does not know.</summary>
    public string CallerNumber(int line, Random random) =>
        line < KnownCallers.Count && KnownCallers[line].Count > 0 && random.NextDouble() < CallerBook.KnownShare
            ? KnownCallers[line][random.Next(KnownCallers[line].Count)]
            : $"+4207{random.Next(10_000_000, 100_000_000)}";

    public static int LineOf(int index, int lines) => index % lines;
}

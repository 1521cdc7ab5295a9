using System.Buffers;

namespace Platform.Queue.Routing;

/// <summary>
/// Routing (the ACD decision): which available agent is offered which waiting call of one queue.
/// </summary>
/// <remarks>
/// Calls are walked in <see cref="CallOrder"/>. For each, the candidates are the agents not yet offered a call
/// in this pass who qualify for it (<see cref="SkillMatch"/>, with that call's wait); only the lowest tier among
/// them is kept, and the queue's strategy picks from those. A call no remaining agent qualifies for is passed
/// over: it does not hold up later calls, yet a later call never takes an agent an earlier call could have had,
/// because the earlier call is served (or found unservable) first. Each agent is offered at most one call per
/// pass; the pass ends when every agent has one or every call has been looked at.
/// The calls are not sorted up front: they are taken from a heap one at a time, so a pass that ends after the
/// first few calls costs about one linear scan of the line.
/// </remarks>
public static class Router
{
    private const int StackLimit = 256;

    /// <summary>
    /// Routes <paramref name="calls"/> (any order) to <paramref name="availableAgents"/> as of <paramref name="now"/>.
    /// Round robin continues after <paramref name="roundRobinLastAgent"/> when that agent is in
    /// <paramref name="availableAgents"/>, else from the lowest member order (see <see cref="RoundRobinCursor"/> to
    /// keep the rotation going while the last agent is busy). <paramref name="random"/> is used only by
    /// <see cref="RoutingStrategy.Random"/>.
    /// </summary>
    public static RoutingResult Route(
        QueueRules rules, IReadOnlyList<WaitingCall> calls, IReadOnlyList<AgentCandidate> availableAgents,
        DateTimeOffset now, Guid? roundRobinLastAgent, Random random) =>
        Route(rules, calls, availableAgents, now, new RoundRobinCursor(roundRobinLastAgent, null), random);

    /// <summary>As the other overload, with round robin's cursor given by the last agent's member order when known.</summary>
    public static RoutingResult Route(
        QueueRules rules, IReadOnlyList<WaitingCall> calls, IReadOnlyList<AgentCandidate> availableAgents,
        DateTimeOffset now, RoundRobinCursor roundRobin, Random random)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(availableAgents);
        ArgumentNullException.ThrowIfNull(random);
        if (!Enum.IsDefined(rules.Strategy))
        {
            throw new ArgumentOutOfRangeException(nameof(rules), rules.Strategy, "Unknown routing strategy.");
        }

        var lastMemberOrder = roundRobin.LastMemberOrder ?? MemberOrderOf(availableAgents, roundRobin.LastAgent);
        var pass = new RoutingPass(rules, availableAgents, roundRobin.LastAgent, lastMemberOrder, random);
        if (calls.Count == 0 || availableAgents.Count == 0)
        {
            return pass.Result();
        }

        CallKey[]? rentedKeys = null;
        var keys = calls.Count <= StackLimit
            ? stackalloc CallKey[calls.Count]
            : (rentedKeys = ArrayPool<CallKey>.Shared.Rent(calls.Count)).AsSpan(0, calls.Count);
        var skillCount = rules.RequiredSkills.Count;
        var scratchSize = availableAgents.Count * (skillCount + 2) + skillCount;
        int[]? rentedScratch = null;
        var scratch = scratchSize <= StackLimit
            ? stackalloc int[scratchSize]
            : (rentedScratch = ArrayPool<int>.Shared.Rent(scratchSize)).AsSpan(0, scratchSize);
        try
        {
            for (var i = 0; i < keys.Length; i++)
            {
                keys[i] = CallKey.Of(calls[i], i, rules.Aging, now);
            }
            var line = new CallHeap(keys);
            pass.Run(ref line, calls, now, scratch);
            return pass.Result();
        }
        finally
        {
            if (rentedKeys is not null)
            {
                ArrayPool<CallKey>.Shared.Return(rentedKeys);
            }
            if (rentedScratch is not null)
            {
                ArrayPool<int>.Shared.Return(rentedScratch);
            }
        }
    }

    private static int? MemberOrderOf(IReadOnlyList<AgentCandidate> agents, Guid? agentId)
    {
        if (agentId is null)
        {
            return null;
        }
        for (var i = 0; i < agents.Count; i++)
        {
            if (agents[i].AgentId == agentId.Value)
            {
                return agents[i].MemberOrder;
            }
        }
        return null;
    }
}

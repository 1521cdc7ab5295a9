namespace Platform.Queue.Routing;

/// <summary>
/// The strategies' choice among the agents able to take a call (indices into the caller's agent list).
/// Every tie ends on the member order and then the agent id, so a choice never depends on the list's order
/// (except for <see cref="RoutingStrategy.Random"/>, which draws from the candidates in list order).
/// </summary>
internal static class AgentPicker
{
    /// <summary>The one agent a single-agent strategy picks; <paramref name="lastMemberOrder"/> is round robin's cursor.</summary>
    public static int PickOne(
        RoutingStrategy strategy, ReadOnlySpan<int> candidates, IReadOnlyList<AgentCandidate> agents,
        int? lastMemberOrder, Random random) => strategy switch
        {
            RoutingStrategy.RoundRobin => NextInRotation(candidates, agents, lastMemberOrder),
            RoutingStrategy.Random => candidates[random.Next(candidates.Length)],
            _ => Best(strategy, candidates, agents),
        };

    /// <summary>Moves the up to <paramref name="width"/> longest-idle candidates to the front, longest idle first; returns how many.</summary>
    public static int LongestIdleFirst(Span<int> candidates, IReadOnlyList<AgentCandidate> agents, int width)
    {
        var taken = Math.Min(Math.Max(width, 1), candidates.Length);
        for (var k = 0; k < taken; k++)
        {
            var best = k;
            for (var i = k + 1; i < candidates.Length; i++)
            {
                if (IdleLonger(agents[candidates[i]], agents[candidates[best]]))
                {
                    best = i;
                }
            }
            (candidates[k], candidates[best]) = (candidates[best], candidates[k]);
        }
        return taken;
    }

    private static int Best(RoutingStrategy strategy, ReadOnlySpan<int> candidates, IReadOnlyList<AgentCandidate> agents)
    {
        var best = candidates[0];
        for (var i = 1; i < candidates.Length; i++)
        {
            if (Before(strategy, agents[candidates[i]], agents[best]))
            {
                best = candidates[i];
            }
        }
        return best;
    }

    private static bool Before(RoutingStrategy strategy, AgentCandidate a, AgentCandidate b) => strategy switch
    {
        RoutingStrategy.FewestCalls => a.CallsHandledToday != b.CallsHandledToday
            ? a.CallsHandledToday < b.CallsHandledToday
            : IdleLonger(a, b),
        RoutingStrategy.LeastTalkTime => a.TalkSecondsToday != b.TalkSecondsToday
            ? a.TalkSecondsToday < b.TalkSecondsToday
            : IdleLonger(a, b),
        RoutingStrategy.FixedOrder => EarlierMember(a, b),
        _ => IdleLonger(a, b),
    };

    /// <summary>The first candidate after the cursor in member order, wrapping round to the lowest member order.</summary>
    private static int NextInRotation(ReadOnlySpan<int> candidates, IReadOnlyList<AgentCandidate> agents, int? lastMemberOrder)
    {
        int? lowest = null;
        int? next = null;
        foreach (var index in candidates)
        {
            var agent = agents[index];
            if (lowest is null || EarlierMember(agent, agents[lowest.Value]))
            {
                lowest = index;
            }
            if (agent.MemberOrder > lastMemberOrder && (next is null || EarlierMember(agent, agents[next.Value])))
            {
                next = index;
            }
        }
        return next ?? lowest!.Value;
    }

    private static bool IdleLonger(AgentCandidate a, AgentCandidate b)
    {
        var aTicks = a.IdleSince.UtcTicks;
        var bTicks = b.IdleSince.UtcTicks;
        return aTicks != bTicks ? aTicks < bTicks : EarlierMember(a, b);
    }

    private static bool EarlierMember(AgentCandidate a, AgentCandidate b) =>
        a.MemberOrder != b.MemberOrder ? a.MemberOrder < b.MemberOrder : a.AgentId.CompareTo(b.AgentId) < 0;
}

namespace Platform.Queue.Routing;

/// <summary>One <see cref="Router"/> pass over a queue: the agents still free, the offers made, round robin's cursor.</summary>
internal struct RoutingPass(
    QueueRules rules, IReadOnlyList<AgentCandidate> agents, Guid? lastAgent, int? lastMemberOrder, Random random)
{
    private List<Assignment>? assignments;

    public readonly RoutingResult Result() =>
        new((IReadOnlyList<Assignment>?)assignments ?? [], lastAgent) { RoundRobinLastMemberOrder = lastMemberOrder };

    /// <summary>
    /// Offers the calls, taken from <paramref name="line"/> in call order, until every agent has one.
    /// <paramref name="scratch"/> holds agents × (skills + 2) + skills integers.
    /// </summary>
    public void Run(ref CallHeap line, IReadOnlyList<WaitingCall> calls, DateTimeOffset now, Span<int> scratch)
    {
        var required = rules.RequiredSkills;
        var skillCount = required.Count;
        var agentCount = agents.Count;
        var proficiency = scratch[..(agentCount * skillCount)];
        var candidates = scratch.Slice(agentCount * skillCount, agentCount);
        var taken = scratch.Slice(agentCount * (skillCount + 1), agentCount);
        var thresholds = scratch.Slice(agentCount * (skillCount + 2), skillCount);
        taken.Clear();
        for (var i = 0; i < agentCount; i++)
        {
            for (var j = 0; j < skillCount; j++)
            {
                proficiency[i * skillCount + j] = SkillMatch.ProficiencyOf(agents[i].Skills, required[j].Skill);
            }
        }

        var free = agentCount;
        while (free > 0 && line.TryTake(out var key))
        {
            var call = calls[key.Index];
            var everyone = ApplyRelaxation(call, now, thresholds);
            var found = LowestTierCandidates(everyone, proficiency, thresholds, taken, candidates);
            if (found == 0)
            {
                continue;
            }
            free -= Offer(call, candidates[..found], taken);
        }
    }

    /// <summary>Fills in the proficiency each required skill needs for this call; true when skills no longer matter.</summary>
    private readonly bool ApplyRelaxation(WaitingCall call, DateTimeOffset now, Span<int> thresholds)
    {
        var required = rules.RequiredSkills;
        if (required.Count == 0)
        {
            return true;
        }
        var waited = TimeSpan.FromTicks(Math.Max(0L, now.UtcTicks - call.EnqueuedAt.UtcTicks));
        var step = SkillMatch.StepReached(rules.Relaxation, waited);
        if (step is { DropSkills: true })
        {
            return true;
        }
        var lowerBy = step?.LowerMinimumBy ?? 0;
        for (var j = 0; j < thresholds.Length; j++)
        {
            thresholds[j] = SkillMatch.Threshold(required[j], lowerBy);
        }
        return false;
    }

    /// <summary>The free agents who qualify, of the lowest tier among them, into <paramref name="candidates"/>; returns how many.</summary>
    private readonly int LowestTierCandidates(
        bool everyone, ReadOnlySpan<int> proficiency, ReadOnlySpan<int> thresholds, ReadOnlySpan<int> taken, Span<int> candidates)
    {
        var skillCount = thresholds.Length;
        var found = 0;
        var lowestTier = int.MaxValue;
        for (var i = 0; i < agents.Count; i++)
        {
            if (taken[i] != 0 || (!everyone && !Meets(proficiency.Slice(i * skillCount, skillCount), thresholds)))
            {
                continue;
            }
            var tier = agents[i].Tier;
            if (tier < lowestTier)
            {
                lowestTier = tier;
                found = 0;
            }
            if (tier == lowestTier)
            {
                candidates[found++] = i;
            }
        }
        return found;
    }

    /// <summary>Picks with the queue's strategy, records the offer; returns how many agents it took.</summary>
    private int Offer(WaitingCall call, Span<int> candidates, Span<int> taken)
    {
        Guid[] offeredTo;
        if (rules.Strategy == RoutingStrategy.RingAll)
        {
            var ringing = AgentPicker.LongestIdleFirst(candidates, agents, rules.RingAllWidth);
            offeredTo = new Guid[ringing];
            for (var k = 0; k < ringing; k++)
            {
                taken[candidates[k]] = 1;
                offeredTo[k] = agents[candidates[k]].AgentId;
            }
        }
        else
        {
            var picked = AgentPicker.PickOne(rules.Strategy, candidates, agents, lastMemberOrder, random);
            taken[picked] = 1;
            offeredTo = [agents[picked].AgentId];
            if (rules.Strategy == RoutingStrategy.RoundRobin)
            {
                lastAgent = agents[picked].AgentId;
                lastMemberOrder = agents[picked].MemberOrder;
            }
        }
        (assignments ??= new List<Assignment>(Math.Min(agents.Count, 4))).Add(new Assignment(call.CallId, offeredTo));
        return offeredTo.Length;
    }

    private static bool Meets(ReadOnlySpan<int> agentProficiency, ReadOnlySpan<int> thresholds)
    {
        for (var j = 0; j < thresholds.Length; j++)
        {
            if (agentProficiency[j] < thresholds[j])
            {
                return false;
            }
        }
        return true;
    }
}

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

        // Agents are only ever taken, never freed, during a pass: once the skill thresholds of one relaxation level
        // (none reached, or step i) have found nobody, they find nobody for every later call too. Remember which
        // levels came up empty (bit 0: no step yet; bit i + 1: step i) and stop when all of them have.
        var levels = rules.Relaxation.Count + 1;
        var canStopEarly = skillCount > 0 && levels < 64;
        var allEmpty = canStopEarly ? (1UL << levels) - 1 : 0UL;
        var emptyLevels = 0UL;
        var thresholdsFor = int.MinValue;
        var free = agentCount;
        while (free > 0 && line.TryTake(out var key))
        {
            var call = calls[key.Index];
            var level = RelaxationLevel(call, now);
            var bit = level < 64 ? 1UL << level : 0UL;
            if ((emptyLevels & bit) != 0)
            {
                continue;
            }
            var everyone = skillCount == 0 || (level > 0 && rules.Relaxation[level - 1].DropSkills);
            if (!everyone && level != thresholdsFor)
            {
                FillThresholds(level, thresholds);
                thresholdsFor = level;
            }
            var found = LowestTierCandidates(everyone, proficiency, thresholds, taken, candidates);
            if (found == 0)
            {
                emptyLevels |= bit;
                if (canStopEarly && emptyLevels == allEmpty)
                {
                    break;
                }
                continue;
            }
            free -= Offer(call, candidates[..found], taken);
        }
    }

    /// <summary>0 before the first relaxation step, i + 1 once step i applies (always 0 when the queue asks for no skill).</summary>
    private readonly int RelaxationLevel(WaitingCall call, DateTimeOffset now)
    {
        if (rules.RequiredSkills.Count == 0 || rules.Relaxation.Count == 0)
        {
            return 0;
        }
        var waited = TimeSpan.FromTicks(Math.Max(0L, now.UtcTicks - call.EnqueuedAt.UtcTicks));
        return SkillMatch.StepIndexReached(rules.Relaxation, waited) + 1;
    }

    /// <summary>The proficiency each required skill needs at relaxation <paramref name="level"/>.</summary>
    private readonly void FillThresholds(int level, Span<int> thresholds)
    {
        var required = rules.RequiredSkills;
        var lowerBy = level == 0 ? 0 : rules.Relaxation[level - 1].LowerMinimumBy;
        for (var j = 0; j < thresholds.Length; j++)
        {
            thresholds[j] = SkillMatch.Threshold(required[j], lowerBy);
        }
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

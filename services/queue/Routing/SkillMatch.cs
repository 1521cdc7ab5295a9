namespace Platform.Queue.Routing;

/// <summary>
/// Whether an agent has the skills a queue asks for, once the call has waited a while. Skill names compare
/// ordinally, ignoring case. A proficiency below 1 counts as not having the skill.
/// </summary>
public static class SkillMatch
{
    /// <summary>
    /// True when the queue asks for no skill; otherwise the relaxation step reached after
    /// <paramref name="waited"/> applies (the one with the largest <see cref="RelaxationStep.AfterSeconds"/> not
    /// above the wait; steps are not cumulative; of two steps with the same time, the more lenient):
    /// with <see cref="RelaxationStep.DropSkills"/> every agent qualifies, else the agent needs every required
    /// skill at a proficiency of at least max(1, minimum − <see cref="RelaxationStep.LowerMinimumBy"/>).
    /// A negative wait counts as zero.
    /// </summary>
    public static bool Qualifies(AgentCandidate agent, QueueRules rules, TimeSpan waited)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(rules);
        var required = rules.RequiredSkills;
        if (required.Count == 0)
        {
            return true;
        }
        var step = StepReached(rules.Relaxation, waited);
        if (step is { DropSkills: true })
        {
            return true;
        }
        var lowerBy = step?.LowerMinimumBy ?? 0;
        for (var i = 0; i < required.Count; i++)
        {
            if (ProficiencyOf(agent.Skills, required[i].Skill) < Threshold(required[i], lowerBy))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The lowest proficiency that qualifies for <paramref name="requirement"/> once minimums are lowered by <paramref name="lowerBy"/>.</summary>
    internal static int Threshold(SkillRequirement requirement, int lowerBy) =>
        (int)Math.Max(1L, (long)requirement.MinimumProficiency - lowerBy);

    /// <summary>The relaxation step in force after <paramref name="waited"/>, or null before the first.</summary>
    internal static RelaxationStep? StepReached(IReadOnlyList<RelaxationStep> steps, TimeSpan waited)
    {
        var index = StepIndexReached(steps, waited);
        return index < 0 ? null : steps[index];
    }

    /// <summary>The index of the relaxation step in force after <paramref name="waited"/>, or -1 before the first.</summary>
    internal static int StepIndexReached(IReadOnlyList<RelaxationStep> steps, TimeSpan waited)
    {
        var waitedTicks = Math.Max(0L, waited.Ticks);
        var reached = -1;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.AfterSeconds * TimeSpan.TicksPerSecond > waitedTicks)
            {
                continue;
            }
            if (reached < 0 || step.AfterSeconds > steps[reached].AfterSeconds
                || (step.AfterSeconds == steps[reached].AfterSeconds && MoreLenient(step, steps[reached])))
            {
                reached = i;
            }
        }
        return reached;
    }

    /// <summary>The agent's proficiency in <paramref name="skill"/> (case-insensitive; the highest if the name appears in several casings), 0 when absent.</summary>
    internal static int ProficiencyOf(IReadOnlyDictionary<string, int> skills, string skill)
    {
        if (skills is Dictionary<string, int> dictionary)
        {
            if (ReferenceEquals(dictionary.Comparer, StringComparer.OrdinalIgnoreCase))
            {
                return dictionary.TryGetValue(skill, out var exact) ? exact : 0;
            }
            var best = 0;
            foreach (var (name, level) in dictionary)
            {
                if (level > best && string.Equals(name, skill, StringComparison.OrdinalIgnoreCase))
                {
                    best = level;
                }
            }
            return best;
        }
        var highest = 0;
        foreach (var (name, level) in skills)
        {
            if (level > highest && string.Equals(name, skill, StringComparison.OrdinalIgnoreCase))
            {
                highest = level;
            }
        }
        return highest;
    }

    private static bool MoreLenient(RelaxationStep step, RelaxationStep than) =>
        (step.DropSkills && !than.DropSkills)
        || (step.DropSkills == than.DropSkills && step.LowerMinimumBy > than.LowerMinimumBy);
}

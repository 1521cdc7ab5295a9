namespace Platform.Queue.Routing;

/// <summary>How a queue picks among the agents able to take a call.</summary>
public enum RoutingStrategy
{
    LongestIdle,
    RoundRobin,
    FewestCalls,
    LeastTalkTime,
    FixedOrder,
    Random,
    RingAll,
}

/// <summary>A skill a queue asks for, with the lowest proficiency (1–10) that still qualifies.</summary>
public sealed record SkillRequirement(string Skill, int MinimumProficiency);

/// <summary>
/// After a call has waited <paramref name="AfterSeconds"/>, every minimum proficiency is lowered by
/// <paramref name="LowerMinimumBy"/>; with <paramref name="DropSkills"/> any member agent qualifies.
/// The latest step reached applies (steps are not cumulative).
/// </summary>
public sealed record RelaxationStep(int AfterSeconds, int LowerMinimumBy, bool DropSkills);

/// <summary>A waiting call gains one priority point every <paramref name="EverySeconds"/>, up to <paramref name="MaxBoost"/>.</summary>
public sealed record PriorityAging(int EverySeconds, int MaxBoost);

/// <summary>What the routing rules need to know about one queue.</summary>
public sealed record QueueRules(
    RoutingStrategy Strategy,
    IReadOnlyList<SkillRequirement> RequiredSkills,
    IReadOnlyList<RelaxationStep> Relaxation,
    PriorityAging? Aging,
    int RingAllWidth = 5);

/// <summary>
/// A call waiting in a queue. <paramref name="EnqueuedAt"/> is its place in the line, kept through re-queues.
/// <paramref name="CarriedOver"/>: a callback that waited for its project's next opening (a promise from an earlier day).
/// </summary>
public sealed record WaitingCall(Guid CallId, bool Vip, int Priority, DateTimeOffset EnqueuedAt, bool CarriedOver = false);

/// <summary>
/// An available agent who is a member of the queue. <paramref name="Tier"/>: lower tiers are tried first;
/// <paramref name="MemberOrder"/>: the agent's position in the queue's member list (fixed order, round robin).
/// <paramref name="Skills"/>: skill name → proficiency (1–10); names compare ignoring case, and a dictionary built
/// with <see cref="StringComparer.OrdinalIgnoreCase"/> is looked up directly (any other is scanned).
/// </summary>
public sealed record AgentCandidate(
    Guid AgentId,
    int Tier,
    int MemberOrder,
    DateTimeOffset IdleSince,
    int CallsHandledToday,
    long TalkSecondsToday,
    IReadOnlyDictionary<string, int> Skills);

/// <summary>One routing decision: offer this call to these agents (one, or several for ring-all).</summary>
public sealed record Assignment(Guid CallId, IReadOnlyList<Guid> AgentIds);

namespace Platform.Queue.Tests.Support;

/// <summary>Calls, agents and rules for the tests, with every field defaulted to something unremarkable.</summary>
internal static class Make
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static WaitingCall Call(int waitedSeconds = 0, bool vip = false, int priority = 0, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), vip, priority, Now.AddSeconds(-waitedSeconds));

    public static AgentCandidate Agent(
        int memberOrder = 0, int idleSeconds = 0, int tier = 1, int calls = 0, long talkSeconds = 0,
        Guid? id = null, params (string Skill, int Level)[] skills) =>
        new(id ?? Guid.NewGuid(), tier, memberOrder, Now.AddSeconds(-idleSeconds), calls, talkSeconds,
            skills.ToDictionary(s => s.Skill, s => s.Level));

    public static QueueRules Rules(
        RoutingStrategy strategy = RoutingStrategy.LongestIdle, SkillRequirement[]? skills = null,
        RelaxationStep[]? relaxation = null, PriorityAging? aging = null, int ringAllWidth = 5) =>
        new(strategy, skills ?? [], relaxation ?? [], aging, ringAllWidth);

    public static RoutingResult Route(
        QueueRules rules, IReadOnlyList<WaitingCall> calls, IReadOnlyList<AgentCandidate> agents,
        Guid? roundRobinLast = null, int seed = 1) =>
        Router.Route(rules, calls, agents, Now, roundRobinLast, new Random(seed));
}

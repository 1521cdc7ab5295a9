using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace Platform.Queue.Tests.Support;

/// <summary>One queue at one instant, as FsCheck generates it: rules, waiting calls, free agents, round robin's cursor.</summary>
public sealed record Scenario(
    QueueRules Rules, WaitingCall[] Calls, AgentCandidate[] Agents, Guid? RoundRobinLast, int Seed)
{
    public RoutingResult Route() =>
        Router.Route(Rules, Calls, Agents, Make.Now, RoundRobinLast, new Random(Seed));

    public TimeSpan Waited(WaitingCall call) => Make.Now - call.EnqueuedAt;

    public bool Qualifies(AgentCandidate agent, WaitingCall call) => SkillMatch.Qualifies(agent, Rules, Waited(call));

    public AgentCandidate Agent(Guid id) => Agents.Single(a => a.AgentId == id);

    public WaitingCall Call(Guid id) => Calls.Single(c => c.CallId == id);

    public override string ToString()
    {
        var rules = string.Create(CultureInfo.InvariantCulture,
            $"{Rules.Strategy} skills[{string.Join(", ", Rules.RequiredSkills)}] relax[{string.Join(", ", Rules.Relaxation)}] {Rules.Aging} width {Rules.RingAllWidth}");
        var calls = string.Join("\n  ", Calls.Select(c => $"{c.CallId:N} vip={c.Vip} p={c.Priority} waited={Waited(c).TotalSeconds}s"));
        var agents = string.Join("\n  ", Agents.Select(a =>
            $"{a.AgentId:N} tier={a.Tier} order={a.MemberOrder} idle={(Make.Now - a.IdleSince).TotalSeconds}s calls={a.CallsHandledToday} talk={a.TalkSecondsToday} skills={{{string.Join(", ", a.Skills.Select(s => $"{s.Key}:{s.Value}"))}}}"));
        return $"{rules}\nround robin last {RoundRobinLast}, seed {Seed}\ncalls:\n  {calls}\nagents:\n  {agents}";
    }
}

/// <summary>
/// FsCheck generators. Values are drawn from small ranges on purpose, so that ties (same instant, same priority,
/// same idle time, same tier) and skill names differing only in case happen often.
/// </summary>
public static class Generators
{
    private static readonly string[] SkillNames = ["french", "billing", "tech"];
    private static readonly Gen<Guid> Ids = Gen.Choose(0, int.MaxValue).Two()
        .Select(pair => new Guid(pair.Item1, (short)pair.Item2, (short)(pair.Item2 >> 16), 1, 2, 3, 4, 5, 6, 7, 8));

    public static Arbitrary<Scenario> Scenarios() => Scenario().ToArbitrary();

    public static Arbitrary<WaitingCall[]> CallLines() =>
        Gen.Sized(size => Gen.Choose(0, Math.Max(size, 1))).SelectMany(n => Call().ArrayOf(n)).ToArbitrary();

    public static Arbitrary<PriorityAging?> Agings() => Aging().ToArbitrary();

    public static Arbitrary<WaitingCall> Calls() => Call().ToArbitrary();

    public static Gen<Scenario> Scenario() =>
        from rules in Rules()
        from calls in Gen.Choose(0, 25).SelectMany(n => Call().ArrayOf(n))
        from agentCount in Gen.Choose(0, 12)
        from agents in Agents(agentCount)
        from cursor in RoundRobinLast(agents)
        from seed in Gen.Choose(0, int.MaxValue)
        select new Scenario(rules, calls, agents, cursor, seed);

    public static Gen<PriorityAging?> Aging() =>
        Gen.Frequency(
            (1, Gen.Constant<PriorityAging?>(null)),
            (2, from every in Gen.Choose(1, 120)
                from max in Gen.Choose(0, 6)
                select (PriorityAging?)new PriorityAging(every, max)));

    public static Gen<WaitingCall> Call() =>
        from id in Ids
        from vip in Gen.Frequency((1, Gen.Constant(true)), (4, Gen.Constant(false)))
        from priority in Gen.Choose(0, 4)
        from waited in Gen.Choose(-10, 60)
        select new WaitingCall(id, vip, priority, Make.Now.AddSeconds(-waited * 10));

    private static Gen<QueueRules> Rules() =>
        from strategy in Gen.Elements(Enum.GetValues<RoutingStrategy>())
        from skills in Gen.SubListOf(SkillNames).Where(s => s.Count <= 2)
            .SelectMany(names => Gen.Choose(1, 10).ArrayOf(names.Count)
                .Select(levels => names.Zip(levels, (n, l) => new SkillRequirement(n, l)).ToArray()))
        from relaxation in Step().ArrayOf().Select(steps => steps.Take(3).ToArray())
        from aging in Aging()
        from width in Gen.Choose(0, 6)
        select new QueueRules(strategy, skills, relaxation, aging, width);

    private static Gen<RelaxationStep> Step() =>
        from after in Gen.Choose(0, 60)
        from lower in Gen.Choose(0, 6)
        from drop in Gen.Frequency((1, Gen.Constant(true)), (5, Gen.Constant(false)))
        select new RelaxationStep(after * 10, lower, drop);

    private static Gen<AgentCandidate[]> Agents(int count) =>
        from orders in Gen.Shuffle(Enumerable.Range(1, count))
        from agents in Gen.CollectToArray(orders, Agent)
        select agents;

    private static Gen<AgentCandidate> Agent(int memberOrder) =>
        from id in Ids
        from tier in Gen.Choose(1, 3)
        from idleMinutes in Gen.Choose(0, 30)
        from calls in Gen.Choose(0, 5)
        from talk in Gen.Choose(0, 10)
        from skills in Skills()
        select new AgentCandidate(id, tier, memberOrder, Make.Now.AddMinutes(-idleMinutes), calls, talk * 100L, skills);

    private static Gen<IReadOnlyDictionary<string, int>> Skills() =>
        from names in Gen.SubListOf(SkillNames)
        from levels in Gen.Choose(0, 10).ArrayOf(names.Count)
        from upper in Gen.Elements(true, false).ArrayOf(names.Count)
        select (IReadOnlyDictionary<string, int>)names
            .Select((name, i) => (Name: upper[i] ? name.ToUpperInvariant() : name, Level: levels[i]))
            .ToDictionary(s => s.Name, s => s.Level);

    private static Gen<Guid?> RoundRobinLast(AgentCandidate[] agents) =>
        agents.Length == 0
            ? Gen.Constant<Guid?>(null)
            : Gen.OneOf(
                Gen.Constant<Guid?>(null),
                Ids.Select(id => (Guid?)id),
                Gen.Elements(agents).Select(a => (Guid?)a.AgentId));
}

using Platform.Queue.Routing;

namespace Platform.Queue.Benchmarks;

/// <summary>One queue of the world: its rules, its line of waiting calls, its members and some sets of them free.</summary>
public sealed record WorldQueue(
    QueueRules Rules, WaitingCall[] Calls, AgentCandidate[] Members, AgentCandidate[][] FreeSets);

/// <summary>
/// 500 queues × 10 members × 100 waiting calls (5,000 agents, 50,000 calls), from a fixed seed: one or two
/// required skills of eight (or none), relaxation on half the queues, aging on a third, three tiers,
/// 5% VIP calls, priorities 0–3, waits up to ten minutes. A decision routes one queue with 1–10 free members.
/// </summary>
public sealed class QueueWorld
{
    public const int QueueCount = 500;
    public const int MembersPerQueue = 10;
    public const int CallsPerQueue = 100;
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly string[] SkillNames = ["french", "german", "billing", "tech", "sales", "retention", "vip", "claims"];

    private QueueWorld(WorldQueue[] queues) => Queues = queues;

    public WorldQueue[] Queues { get; }

    /// <summary>The world with every queue on <paramref name="strategy"/>, or each on its own (seeded) one when null.</summary>
    public static QueueWorld Build(RoutingStrategy? strategy, int seed = 20261123)
    {
        var random = new Random(seed);
        var strategies = Enum.GetValues<RoutingStrategy>();
        var queues = new WorldQueue[QueueCount];
        for (var q = 0; q < QueueCount; q++)
        {
            var rules = new QueueRules(
                strategy ?? strategies[random.Next(strategies.Length)],
                Requirements(random),
                random.Next(2) == 0 ? [] : [new RelaxationStep(30, 2, false), new RelaxationStep(180, 0, true)],
                random.Next(3) == 0 ? new PriorityAging(60, 3) : null,
                RingAllWidth: 3);
            var members = Enumerable.Range(0, MembersPerQueue).Select(m => Member(random, m)).ToArray();
            var calls = Enumerable.Range(0, CallsPerQueue).Select(_ => Call(random)).ToArray();
            var freeSets = Enumerable.Range(1, MembersPerQueue)
                .Select(size => members.OrderBy(_ => random.Next()).Take(size).ToArray())
                .ToArray();
            queues[q] = new WorldQueue(rules, calls, members, freeSets);
        }
        return new QueueWorld(queues);
    }

    private static SkillRequirement[] Requirements(Random random) =>
        Enumerable.Range(0, random.Next(3))
            .Select(i => new SkillRequirement(SkillNames[(random.Next(SkillNames.Length) + i) % SkillNames.Length], random.Next(3, 8)))
            .DistinctBy(r => r.Skill)
            .ToArray();

    private static AgentCandidate Member(Random random, int memberOrder) =>
        new(Guid.NewGuid(),
            Tier: 1 + random.Next(3),
            memberOrder,
            IdleSince: Now.AddSeconds(-random.Next(1, 1800)),
            CallsHandledToday: random.Next(60),
            TalkSecondsToday: random.Next(20_000),
            Skills: SkillNames.OrderBy(_ => random.Next()).Take(random.Next(2, 6))
                .ToDictionary(name => name, _ => random.Next(1, 11)));

    private static WaitingCall Call(Random random) =>
        new(Guid.NewGuid(), Vip: random.Next(20) == 0, Priority: random.Next(4), Now.AddSeconds(-random.Next(0, 600)));
}

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Platform.Queue.Routing;

namespace Platform.Queue.Benchmarks;

/// <summary>
/// One routing decision: a member of a queue becomes free and the queue (100 calls, 1–10 free members) is routed.
/// Each invocation routes all 500 queues once, so the reported time is per decision.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(DecisionsPerSecond))]
public class RoutingDecisionBenchmarks
{
    private sealed class DecisionsPerSecond : ManualConfig
    {
        public DecisionsPerSecond() => AddColumn(StatisticColumn.OperationsPerSecond);
    }

    private QueueWorld world = null!;
    private Guid?[] roundRobinLast = null!;
    private readonly Random random = new(7);
    private int round;

    [Params(RoutingStrategy.LongestIdle, RoutingStrategy.RoundRobin, RoutingStrategy.FewestCalls,
        RoutingStrategy.LeastTalkTime, RoutingStrategy.FixedOrder, RoutingStrategy.Random, RoutingStrategy.RingAll)]
    public RoutingStrategy Strategy { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        world = QueueWorld.Build(Strategy);
        roundRobinLast = new Guid?[QueueWorld.QueueCount];
    }

    [Benchmark(OperationsPerInvoke = QueueWorld.QueueCount)]
    public int OneDecision()
    {
        var offers = 0;
        var queues = world.Queues;
        var freeSet = round++ % QueueWorld.MembersPerQueue;
        for (var q = 0; q < queues.Length; q++)
        {
            var queue = queues[q];
            var result = Router.Route(queue.Rules, queue.Calls, queue.FreeSets[freeSet], QueueWorld.Now, roundRobinLast[q], random);
            roundRobinLast[q] = result.RoundRobinLastAgent;
            offers += result.Assignments.Count;
        }
        return offers;
    }
}

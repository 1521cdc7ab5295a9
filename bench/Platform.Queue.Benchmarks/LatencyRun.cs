using System.Diagnostics;
using System.Globalization;
using Platform.Queue.Routing;

namespace Platform.Queue.Benchmarks;

/// <summary>
/// <c>--latency</c>: times 1,000,000 single decisions one by one on one thread, after a warm-up, cycling through the
/// 500 queues and their free-member sets; prints decisions per second and the p50/p99/p99.9/max latency.
/// BenchmarkDotNet reports means, not tails; this is the tail.
/// </summary>
internal static class LatencyRun
{
    private const int Decisions = 1_000_000;
    private const int WarmUp = 200_000;

    public static void Run()
    {
        Console.WriteLine($"{Decisions:N0} decisions per line, one thread, Stopwatch resolution {1e9 / Stopwatch.Frequency:0.#} ns");
        Console.WriteLine("strategy        decisions/s     p50 µs   p99 µs  p99.9 µs   max µs  offers");
        foreach (RoutingStrategy? strategy in new RoutingStrategy?[]
            { RoutingStrategy.LongestIdle, RoutingStrategy.RoundRobin, RoutingStrategy.RingAll, null })
        {
            Measure(strategy);
        }
    }

    private static void Measure(RoutingStrategy? strategy)
    {
        var world = QueueWorld.Build(strategy);
        var roundRobinLast = new Guid?[QueueWorld.QueueCount];
        var random = new Random(7);
        var elapsed = new long[Decisions];
        Decide(world, roundRobinLast, random, WarmUp, null);
        GC.Collect();

        var total = Stopwatch.StartNew();
        var offers = Decide(world, roundRobinLast, random, Decisions, elapsed);
        total.Stop();

        Array.Sort(elapsed);
        var name = strategy is null ? "mixed" : RoutingStrategyNames.ToName(strategy.Value);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-15} {Decisions / total.Elapsed.TotalSeconds,11:N0} {Micros(elapsed, 0.50),10:0.00} {Micros(elapsed, 0.99),8:0.00} {Micros(elapsed, 0.999),9:0.00} {Micros(elapsed, 1.0),8:0.0} {offers,7:N0}"));
    }

    private static int Decide(QueueWorld world, Guid?[] roundRobinLast, Random random, int count, long[]? elapsed)
    {
        var offers = 0;
        for (var i = 0; i < count; i++)
        {
            var q = i % QueueWorld.QueueCount;
            var queue = world.Queues[q];
            var free = queue.FreeSets[i / QueueWorld.QueueCount % QueueWorld.MembersPerQueue];
            var start = Stopwatch.GetTimestamp();
            var result = Router.Route(queue.Rules, queue.Calls, free, QueueWorld.Now, roundRobinLast[q], random);
            var end = Stopwatch.GetTimestamp();
            if (elapsed is not null)
            {
                elapsed[i] = end - start;
            }
            roundRobinLast[q] = result.RoundRobinLastAgent;
            offers += result.Assignments.Count;
        }
        return offers;
    }

    private static double Micros(long[] sorted, double quantile)
    {
        var index = Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1);
        return sorted[Math.Max(0, index)] * 1e6 / Stopwatch.Frequency;
    }
}

using System.Diagnostics;
using Platform.Queue.Dialer.Pacing;

namespace Platform.Dialer.Simulation;

/// <summary>
/// A timed loop: how many predictive dial decisions (<see cref="Pacer.Decide"/>) one thread of one dialer replica makes a
/// second, over 1,000 varied snapshots of a campaign of <c>agents</c> agents in full swing (a quarter idle, the rest on
/// calls freeing at random, a window of results at the typical mix, the abandon rate under, near and at the cap).
/// The decision only: a replica's tick adds its PostgreSQL reads and writes and the CRM's lease round trip.
/// </summary>
public static class DecisionRate
{
    public static void Run(int agents, TimeSpan duration)
    {
        var random = new Random(42);
        var snapshots = Enumerable.Range(0, 1000).Select(_ =>
        {
            var busy = agents * 3 / 4;
            var dials = random.Next(10, 60) * agents;
            var humans = dials * random.Next(20, 40) / 100;
            return new PacingSnapshot(DialMode.Predictive, agents - busy,
                Enumerable.Range(0, busy).Select(_ => TimeSpan.FromSeconds(random.Next(0, 240))).ToArray(), random.Next(0, agents), random.Next(0, 2),
                new DialWindowStatistics(dials, humans, humans * random.Next(0, 4) / 100), 3,
                TimeSpan.FromSeconds(random.Next(8, 20)), TimeSpan.FromSeconds(random.Next(120, 300)), DialMode.Predictive, TimeSpan.FromSeconds(9));
        }).ToArray();
        for (var i = 0; i < 2000; i++)
        {
            Pacer.Decide(snapshots[i % snapshots.Length]); // warm up (tiered JIT)
        }
        long decisions = 0, dialsAsked = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            for (var i = 0; i < snapshots.Length; i++)
            {
                dialsAsked += Pacer.Decide(snapshots[i]).Dials;
            }
            decisions += snapshots.Length;
        }
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"{agents} agents: {decisions:N0} predictive decisions in {seconds:0.0} s on one thread = {decisions / seconds:N0} decisions/s "
            + $"({1e6 * seconds / decisions:0.0} µs each; {(double)dialsAsked / decisions:0.0} dials asked per decision)");
    }
}

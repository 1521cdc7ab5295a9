using BenchmarkDotNet.Attributes;
using Platform.Queue.Dialer.Pacing;

namespace Platform.Dialer.Simulation;

/// <summary>One <see cref="Pacer.Decide"/> of a campaign in full swing: the agents, half of them on calls, a window of
/// results at the typical answer mix, an abandon rate under the cap (the expensive path: the predictive search).</summary>
[MemoryDiagnoser]
public class PacerBenchmarks
{
    private PacingSnapshot snapshot = null!;

    [Params(20, 100, 500)]
    public int Agents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var busy = Agents * 3 / 4;
        var freeing = Enumerable.Range(0, busy).Select(_ => TimeSpan.FromSeconds(random.Next(0, 200))).ToArray();
        var dials = 40 * Agents;
        snapshot = new PacingSnapshot(DialMode.Predictive, Agents - busy, freeing, Agents / 2, 0,
            new DialWindowStatistics(dials, dials * 3 / 10, dials * 3 / 10 / 100), 3,
            TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(180), DialMode.Predictive, TimeSpan.FromSeconds(9));
    }

    [Benchmark]
    public int Predictive() => Pacer.Decide(snapshot).Dials;

    [Benchmark]
    public int Progressive() => Pacer.Decide(snapshot with { Mode = DialMode.Progressive }).Dials;
}

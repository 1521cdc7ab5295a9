using FsCheck;
using FsCheck.Fluent;
using Platform.Queue.Dialer.Pacing;

namespace Platform.Queue.Tests.Dialer.Pacing;

/// <summary>Campaign snapshots for the pacer: a healthy one to vary by hand, and generated ones for the properties
/// (any mix of agents, ringing dials, window, cap and previous decision).</summary>
public static class Snapshots
{
    /// <summary>23 agents (8 free, 15 on calls), 4 dials ringing, a window of 1,000 results at a 30 % answer rate and
    /// a 1 % abandon rate, a 3 % cap.</summary>
    public static PacingSnapshot Healthy(DialMode mode = DialMode.Predictive) => new(
        mode,
        AgentsIdle: 8,
        AgentsFreeingIn: Enumerable.Range(0, 15).Select(i => TimeSpan.FromSeconds(i * 12)).ToArray(),
        DialsInFlight: 4,
        AnsweredWaiting: 0,
        Recent: new DialWindowStatistics(1_000, 300, 3),
        AbandonCapPercent: 3,
        AverageRing: TimeSpan.FromSeconds(15),
        AverageHandle: TimeSpan.FromSeconds(180));

    public static PacingSnapshot WithAbandon(this PacingSnapshot snapshot, int humans, int dropped) =>
        snapshot with { Recent = new DialWindowStatistics(Math.Max(snapshot.Recent.Dials, humans * 3), humans, dropped) };

    public static int ProgressiveDials(PacingSnapshot s) =>
        Math.Max(0, s.AgentsIdle - Math.Max(0, s.DialsInFlight) - Math.Max(0, s.AnsweredWaiting));

    public static Arbitrary<PacingSnapshot> Any() => Snapshot().ToArbitrary();

    public static Gen<PacingSnapshot> Snapshot() =>
        from mode in Gen.Frequency((1, Gen.Constant(DialMode.Progressive)), (4, Gen.Constant(DialMode.Predictive)))
        from idle in Gen.Choose(0, 40)
        from busy in Gen.Choose(0, 40).SelectMany(n => Gen.Choose(0, 300).ArrayOf(n))
        from inFlight in Gen.Choose(0, 80)
        from waiting in Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(1, 5)))
        from dials in Gen.Frequency((1, Gen.Choose(0, 60)), (4, Gen.Choose(60, 3_000)))
        from humanShare in Gen.Choose(0, 60)
        from dropShare in Gen.Choose(0, 60)
        from cap in Gen.Elements(0.0, 1.0, 3.0, 5.0)
        from ring in Gen.Choose(0, 30)
        from handle in Gen.Choose(0, 400)
        from previous in Gen.Elements<DialMode?>(null, DialMode.Progressive, DialMode.Predictive)
        from answer in Gen.Choose(0, 25)
        let humans = dials * humanShare / 100
        select new PacingSnapshot(mode, idle, busy.Select(s => TimeSpan.FromSeconds(s)).ToArray(), inFlight, waiting,
            new DialWindowStatistics(dials, humans, humans * dropShare / 1_000), cap, TimeSpan.FromSeconds(ring),
            TimeSpan.FromSeconds(handle), previous, TimeSpan.FromSeconds(answer));
}

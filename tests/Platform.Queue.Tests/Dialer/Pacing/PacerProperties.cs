using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Platform.Queue.Dialer.Pacing;

namespace Platform.Queue.Tests.Dialer.Pacing;

/// <summary>The pacer's invariants over generated campaign snapshots (<see cref="Snapshots.Snapshot"/>).</summary>
[Properties(Arbitrary = [typeof(Snapshots)], MaxTest = 300)]
public sealed class PacerProperties
{
    [Property]
    public void Never_negative_and_never_more_than_four_dials_ringing_per_agent(PacingSnapshot s)
    {
        var dials = Pacer.Decide(s).Dials;

        Assert.InRange(dials, 0, Math.Max(0, 4 * (s.AgentsIdle + s.AgentsFreeingIn.Count) - s.DialsInFlight));
    }

    [Property]
    public void Never_dials_when_no_agent_is_free_or_on_a_call(PacingSnapshot s)
    {
        Assert.Equal(0, Pacer.Decide(s with { AgentsIdle = 0, AgentsFreeingIn = [] }).Dials);
    }

    [Property]
    public void At_or_over_the_cap_never_more_than_progressive(PacingSnapshot s)
    {
        var over = s.Recent.Humans > 0 && s.Recent.AbandonRatePercent >= s.AbandonCapPercent;

        var decision = Pacer.Decide(s);

        if (over || s.Mode != DialMode.Predictive)
        {
            Assert.Equal(DialMode.Progressive, decision.PacedAs);
            Assert.Equal(Snapshots.ProgressiveDials(s), decision.Dials);
        }
    }

    [Property]
    public void Predictive_never_dials_fewer_than_progressive(PacingSnapshot s)
    {
        Assert.True(Pacer.Decide(s with { Mode = DialMode.Predictive }).Dials >= Snapshots.ProgressiveDials(s));
    }

    [Property]
    public void One_more_free_agent_never_means_fewer_dials(PacingSnapshot s)
    {
        Assert.True(Pacer.Decide(s with { AgentsIdle = s.AgentsIdle + 1 }).Dials >= Pacer.Decide(s).Dials);
    }

    [Property]
    public void One_more_agent_on_a_call_never_means_fewer_dials(PacingSnapshot s, NonNegativeInt freeingIn)
    {
        var more = s with { AgentsFreeingIn = [.. s.AgentsFreeingIn, TimeSpan.FromSeconds(freeingIn.Get % 600)] };

        Assert.True(Pacer.Decide(more).Dials >= Pacer.Decide(s).Dials);
    }

    [Property]
    public void A_person_waiting_for_an_agent_never_means_more_dials(PacingSnapshot s)
    {
        Assert.True(Pacer.Decide(s with { AnsweredWaiting = s.AnsweredWaiting + 1 }).Dials <= Pacer.Decide(s).Dials);
    }

    [Property]
    public void A_drop_more_in_the_window_never_means_more_dials(PacingSnapshot s)
    {
        var worse = s with { Recent = s.Recent with { Dropped = Math.Min(s.Recent.Humans, s.Recent.Dropped + 1) } };

        Assert.True(Pacer.Decide(worse).Dials <= Pacer.Decide(s).Dials);
    }

    [Property]
    public void Once_its_dials_are_recorded_the_same_snapshot_asks_for_none_more(PacingSnapshot s)
    {
        var first = Pacer.Decide(s).Dials;

        var second = Pacer.Decide(s with { DialsInFlight = s.DialsInFlight + first }).Dials;

        Assert.Equal(0, second);
    }
}

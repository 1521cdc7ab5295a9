using Platform.Queue.Dialer.Pacing;

namespace Platform.Queue.Tests.Dialer.Pacing;

public sealed class PacerTests
{
    private static readonly PacingSnapshot Healthy = Snapshots.Healthy();

    [Fact]
    public void Preview_never_dials_the_agent_does()
    {
        var decision = Pacer.Decide(Snapshots.Healthy(DialMode.Preview) with { AgentsIdle = 30 });

        Assert.Equal(new PacingDecision(0, DialMode.Preview, "preview: the agent dials"), decision);
    }

    [Fact]
    public void Progressive_dials_once_per_free_agent_less_the_dials_and_answers_already_on_their_way()
    {
        var decision = Pacer.Decide(Healthy with { Mode = DialMode.Progressive, AgentsIdle = 12, DialsInFlight = 4, AnsweredWaiting = 1 });

        Assert.Equal(7, decision.Dials);
        Assert.Equal(DialMode.Progressive, decision.PacedAs);
    }

    [Fact]
    public void Over_the_cap_with_no_agent_at_all_is_paced_as_progressive_so_the_next_tick_holds_until_under_the_resume_share()
    {
        // Found by PacerProperties (seed 2437601975104846331,5995792926176314769): 7 drops of 131 people against a 5 % cap.
        var decision = Pacer.Decide((Healthy with { AgentsIdle = 0, AgentsFreeingIn = [], AbandonCapPercent = 5 })
            .WithAbandon(humans: 131, dropped: 7));

        Assert.Equal(0, decision.Dials);
        Assert.Equal(DialMode.Progressive, decision.PacedAs);
        Assert.StartsWith("at the cap", decision.Reason);
    }

    [Fact]
    public void Predictive_dials_ahead_of_the_free_agents_when_the_window_is_far_from_the_cap()
    {
        var decision = Pacer.Decide(Healthy);

        Assert.Equal(DialMode.Predictive, decision.PacedAs);
        Assert.True(decision.Dials > Snapshots.ProgressiveDials(Healthy) + 5, decision.ToString());
        Assert.StartsWith("predictive:", decision.Reason);
    }

    [Fact]
    public void Predictive_counts_the_agents_about_to_free_up()
    {
        var soon = Healthy with { AgentsFreeingIn = Enumerable.Repeat(TimeSpan.Zero, 15).ToArray() };
        var later = Healthy with { AgentsFreeingIn = Enumerable.Repeat(TimeSpan.FromMinutes(4), 15).ToArray() };

        Assert.True(Pacer.Decide(soon).Dials > Pacer.Decide(later).Dials);
    }

    [Fact]
    public void A_lower_answer_rate_dials_more_per_agent()
    {
        var rich = Healthy with { Recent = new DialWindowStatistics(1_000, 500, 5) };
        var poor = Healthy with { Recent = new DialWindowStatistics(1_000, 150, 1) };

        Assert.True(Pacer.Decide(poor).Dials > Pacer.Decide(rich).Dials);
    }

    [Fact]
    public void Cold_start_paces_as_progressive_until_the_window_holds_enough_results()
    {
        var decision = Pacer.Decide(Healthy with { Recent = new DialWindowStatistics(30, 9, 0) });

        Assert.Equal(DialMode.Progressive, decision.PacedAs);
        Assert.Equal(4, decision.Dials); // 8 free agents, 4 dials already ringing
        Assert.StartsWith("cold start", decision.Reason);
    }

    [Fact]
    public void At_the_cap_paces_as_progressive_and_says_so()
    {
        var decision = Pacer.Decide(Healthy.WithAbandon(humans: 300, dropped: 9) with { AgentsIdle = 14, DialsInFlight = 4 });

        Assert.Equal(new PacingDecision(10, DialMode.Progressive, decision.Reason), decision);
        Assert.Contains("at the cap: abandon rate 3.0 % of 3.0 % cap", decision.Reason);
    }

    [Fact]
    public void Nearing_the_cap_the_dialer_slows()
    {
        var far = Pacer.Decide(Healthy.WithAbandon(humans: 300, dropped: 2));
        var near = Pacer.Decide(Healthy.WithAbandon(humans: 300, dropped: 6));

        Assert.True(near.Dials < far.Dials, $"{near} against {far}");
        Assert.StartsWith("slowing near the cap", near.Reason);
    }

    [Fact]
    public void After_falling_back_at_the_cap_it_stays_progressive_until_well_under_it()
    {
        var recovering = Healthy.WithAbandon(humans: 300, dropped: 5); // 1.67 %: predictive would dial ahead again

        var held = Pacer.Decide(recovering with { PreviousPacedAs = DialMode.Progressive });
        var resumed = Pacer.Decide(recovering with { PreviousPacedAs = DialMode.Predictive });

        Assert.Equal(DialMode.Progressive, held.PacedAs);
        Assert.StartsWith("holding progressive until under 1.5 %", held.Reason);
        Assert.Equal(DialMode.Predictive, resumed.PacedAs);
        Assert.True(resumed.Dials > held.Dials);
    }

    [Fact]
    public void When_one_more_drop_would_pass_the_cap_only_safe_dials_are_placed()
    {
        var decision = Pacer.Decide(Healthy with { AgentsIdle = 20, DialsInFlight = 2, Recent = new DialWindowStatistics(200, 60, 1) });

        Assert.Equal(new PacingDecision(18, DialMode.Progressive, decision.Reason), decision);
        Assert.StartsWith("one more drop would pass the cap", decision.Reason);
    }

    [Fact]
    public void A_cap_of_zero_allows_no_drop_at_all()
    {
        var decision = Pacer.Decide(Healthy with { AbandonCapPercent = 0 });

        Assert.Equal(DialMode.Progressive, decision.PacedAs);
        Assert.Equal(4, decision.Dials); // 8 free agents, 4 dials ringing
        Assert.StartsWith("the abandon cap is 0 %", decision.Reason);
    }

    [Fact]
    public void A_dreadful_list_still_rings_at_most_four_dials_per_agent()
    {
        var decision = Pacer.Decide(Healthy with { AgentsIdle = 20, AgentsFreeingIn = [], DialsInFlight = 0, Recent = new DialWindowStatistics(3_000, 60, 0) });

        Assert.Equal(80, decision.Dials);
    }

    [Fact]
    public void The_snapshots_later_members_may_keep_their_defaults()
    {
        var old = new PacingSnapshot(DialMode.Predictive, Healthy.AgentsIdle, Healthy.AgentsFreeingIn, Healthy.DialsInFlight,
            Healthy.AnsweredWaiting, Healthy.Recent, Healthy.AbandonCapPercent, Healthy.AverageRing, Healthy.AverageHandle);

        Assert.Equal(Pacer.Decide(Healthy), Pacer.Decide(old));
        Assert.Equal(DialMode.Predictive, Pacer.Decide(old).PacedAs);
    }
}

namespace Platform.Reporting.Tests.Scorecards;

public sealed class AgentScoreTests
{
    private static readonly AgentScore Anna = new(CallsHandled: 10, Sales: 2, CallsInBand: 6, TalkSeconds: 2000, WrapUpSeconds: 400,
        StaffedSeconds: 3600, BusySeconds: 2700, SatisfactionRatings.Sum([SatisfactionRatings.Of(5), SatisfactionRatings.Of(4), SatisfactionRatings.Of(1)]));

    private static readonly AgentScore Ben = new(CallsHandled: 30, Sales: 3, CallsInBand: 6, TalkSeconds: 6000, WrapUpSeconds: 1200,
        StaffedSeconds: 3600, BusySeconds: 3600, SatisfactionRatings.Of(5));

    [Fact]
    public void An_agents_score_is_the_trades_measures_of_their_figures()
    {
        Assert.Equal(0.2, Anna.Conversion!.Value, 10);          // 2 sales of 10 calls handled
        Assert.Equal(0.6, Anna.BandShare!.Value, 10);           // 6 of 10 calls took 3 to 5 minutes
        Assert.Equal(240, Anna.AverageHandleTime!.Value, 10);   // (2000 + 400) / 10
        Assert.Equal(0.75, Anna.Occupancy!.Value, 10);          // 2700 of 3600 staffed seconds busy
        Assert.Equal(2 / 3.0, Anna.Satisfaction.Csat!.Value, 10);
    }

    [Fact]
    public void A_groups_rates_come_from_its_sums_not_from_an_average_of_its_agents_rates()
    {
        var group = AgentScore.Sum([Anna, Ben]);

        Assert.Equal(5 / 40.0, group.Conversion!.Value, 10);    // not (0.2 + 0.1) / 2
        Assert.Equal(12 / 40.0, group.BandShare!.Value, 10);
        Assert.Equal(0.875, group.Occupancy!.Value, 10);
        Assert.Equal(0.75, group.Satisfaction.Csat!.Value, 10); // 3 of 4 responses
    }

    [Fact]
    public void An_agent_with_no_call_has_no_rates() =>
        Assert.Equal(((double?)null, (double?)null, (double?)null, (double?)null),
            (AgentScore.None.Conversion, AgentScore.None.BandShare, AgentScore.None.AverageHandleTime, AgentScore.None.Occupancy));
}

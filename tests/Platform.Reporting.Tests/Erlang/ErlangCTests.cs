namespace Platform.Reporting.Tests.Erlang;

/// <summary>
/// The textbook case (100 calls in 30 minutes, 180 s handle time, target 80 % in 20 s: 10 Erlangs). The probabilities of
/// waiting are the published Erlang C table values for A = 10 (e.g. N = 12: 0.4494, N = 14: 0.1741); service level,
/// ASA and occupancy follow from the standard formulas (14 agents: 88.8 %, 7.8 s, 71.4 %).
/// </summary>
public sealed class ErlangCTests
{
    private const double Traffic = 10;

    [Fact]
    public void Traffic_is_calls_times_handle_time_over_the_interval() => Assert.Equal(10.0, ErlangC.Traffic(100, 1800, 180), 10);

    [Theory]
    [InlineData(11, 0.6821)]
    [InlineData(12, 0.4494)]
    [InlineData(13, 0.2853)]
    [InlineData(14, 0.1741)]
    [InlineData(15, 0.1020)]
    public void Probability_of_waiting_matches_the_erlang_c_table(int agents, double published) =>
        Assert.Equal(published, ErlangC.ProbabilityOfWaiting(Traffic, agents), 4);

    [Theory]
    [InlineData(13, 0.7956, 17.12)]
    [InlineData(14, 0.8884, 7.84)]
    [InlineData(15, 0.9415, 3.67)]
    public void Service_level_and_speed_of_answer_follow(int agents, double serviceLevel, double asa)
    {
        Assert.Equal(serviceLevel, ErlangC.ServiceLevel(Traffic, agents, 180, 20), 4);
        Assert.Equal(asa, ErlangC.AverageSpeedOfAnswer(Traffic, agents, 180), 2);
    }

    [Fact]
    public void Fourteen_agents_meet_eighty_in_twenty_and_shrinkage_raises_the_schedule()
    {
        var plan = Staffing.Plan(new StaffingInput(100, 30, 180, 0.80, 20, 0.30));
        Assert.Equal(10.0, plan.TrafficErlangs, 10);
        Assert.Equal(14, plan.Needed.Agents);
        Assert.Equal(0.714, plan.Needed.Occupancy, 3);
        Assert.Equal(20, plan.AgentsToSchedule);               // 14 / (1 − 0.30) = 20
        Assert.Contains(plan.Options, o => o.Agents == 13 && o.ServiceLevel < 0.80);
    }

    [Fact]
    public void The_recursion_stays_stable_for_large_centres()
    {
        var plan = Staffing.Plan(new StaffingInput(6000, 60, 300, 0.90, 15, 0));   // 500 Erlangs
        Assert.InRange(plan.Needed.Agents, 501, 560);
        Assert.True(plan.Needed.ServiceLevel >= 0.90);
        Assert.True(double.IsFinite(plan.Needed.AverageSpeedOfAnswer));
    }

    [Fact]
    public void No_traffic_needs_no_agent() => Assert.Equal(0, Staffing.Plan(new StaffingInput(0, 15, 180, 0.8, 20, 0)).Needed.Agents);

    [Fact]
    public void Agents_not_exceeding_the_traffic_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.ProbabilityOfWaiting(10, 10));

    [Theory]
    [InlineData(-1, 15, 180, 0.8, 20, 0, "callsPerInterval")]
    [InlineData(10, 0, 180, 0.8, 20, 0, "intervalMinutes")]
    [InlineData(10, 15, -5, 0.8, 20, 0, "ahtSeconds")]
    [InlineData(10, 15, 180, 1.0, 20, 0, "serviceLevelPercent")]
    [InlineData(10, 15, 180, 0.8, -1, 0, "serviceLevelSeconds")]
    [InlineData(10, 15, 180, 0.8, 20, 1.0, "shrinkagePercent")]
    [InlineData(1e9, 15, 180, 0.8, 20, 0, "callsPerInterval")]
    public void Impossible_inputs_name_their_field(double calls, int minutes, double aht, double target, double threshold, double shrinkage, string field) =>
        Assert.Contains(field, Staffing.Check(new StaffingInput(calls, minutes, aht, target, threshold, shrinkage)).Keys);
}

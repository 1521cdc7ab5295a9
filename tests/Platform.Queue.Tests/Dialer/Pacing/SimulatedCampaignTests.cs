using Platform.Dialer.Simulation.Model;
using Platform.Queue.Dialer.Pacing;

namespace Platform.Queue.Tests.Dialer.Pacing;

/// <summary>A smaller seeded run of the campaign simulation (bench/Platform.Dialer.Simulation) with the real pacer:
/// behaviour, not timing. The same list and agents in both modes.</summary>
public sealed class SimulatedCampaignTests
{
    private static readonly SimulationReport Predictive = new CampaignSimulation(new SimulationSettings(DialMode.Predictive, Dials: 3_000, Agents: 20, Seed: 7)).Run();
    private static readonly SimulationReport Progressive = new CampaignSimulation(new SimulationSettings(DialMode.Progressive, Dials: 3_000, Agents: 20, Seed: 7)).Run();

    [Fact]
    public void The_abandon_rate_stays_under_the_cap_over_every_rolling_window()
    {
        Assert.True(Predictive.Dropped > 0, "predictive pacing that never drops is progressive pacing");
        Assert.True(Predictive.WorstWindow.RatePercent <= 3, Predictive.WorstWindow.ToString());
        Assert.Equal(Predictive.People, Predictive.WorstWindow.WindowsChecked);
    }

    [Fact]
    public void Predictive_cuts_the_agents_idle_time_between_calls_by_at_least_a_third()
    {
        Assert.Equal(0, Progressive.Dropped);
        Assert.True(Predictive.MeanIdleSecondsBetweenCalls < Progressive.MeanIdleSecondsBetweenCalls * 2 / 3,
            $"predictive {Predictive.MeanIdleSecondsBetweenCalls:0.0} s, progressive {Progressive.MeanIdleSecondsBetweenCalls:0.0} s");
    }

    [Fact]
    public void Every_contact_is_dialed_and_every_person_who_answered_is_connected_or_dropped()
    {
        Assert.All(new[] { Predictive, Progressive }, r =>
        {
            Assert.Equal(3_000, r.Dials);
            Assert.Equal(r.People, r.Connected + r.Dropped);
        });
    }
}

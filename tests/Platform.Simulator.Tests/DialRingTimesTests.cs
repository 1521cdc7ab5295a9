using Platform.CallSimulator.Pbx;
using Xunit;

namespace Platform.Simulator.Tests;

public sealed class DialRingTimesTests
{
    [Theory]
    [InlineData(25)]
    [InlineData(8)]
    public void Realistic_rings_never_outlast_the_campaigns_ring_time_and_no_answer_takes_all_of_it(int ringSeconds)
    {
        var random = new Random(7);
        foreach (var result in new[] { "answered", "answering_machine", "busy", "no_answer" })
        {
            for (var i = 0; i < 1_000; i++)
            {
                var ring = DialRingTimes.Draw(DialRings.Realistic, result, ringSeconds, random);
                Assert.InRange(ring.TotalSeconds, 1, ringSeconds);
            }
        }
        Assert.Equal(TimeSpan.FromSeconds(ringSeconds), DialRingTimes.Draw(DialRings.Realistic, "no_answer", ringSeconds, random));
    }

    [Fact]
    public void A_person_answers_sooner_than_a_machine_and_a_busy_line_sooner_than_both()
    {
        var random = new Random(11);
        double Mean(string result) => Enumerable.Range(0, 2_000).Average(_ => DialRingTimes.Draw(DialRings.Realistic, result, 25, random).TotalSeconds);

        var busy = Mean("busy");
        var person = Mean("answered");
        var machine = Mean("answering_machine");

        Assert.True(busy < person && person < machine, $"busy {busy:0.0} s, person {person:0.0} s, machine {machine:0.0} s");
        Assert.InRange(person, 5, 9);
    }

    [Fact]
    public void Quick_rings_stay_under_two_seconds_whatever_the_result()
    {
        var random = new Random(3);
        Assert.All(Enumerable.Range(0, 1_000), _ => Assert.InRange(DialRingTimes.Draw(DialRings.Quick, "no_answer", 25, random).TotalSeconds, 0, 2));
    }
}

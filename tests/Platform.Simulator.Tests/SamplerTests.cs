using Platform.CallSimulator.Sampling;

namespace Platform.Simulator.Tests;

public sealed class SamplerTests
{
    private const int Draws = 200_000;

    [Theory]
    [InlineData(1.5)]
    [InlineData(20)]
    public void Exponential_draws_have_the_asked_mean_and_a_standard_deviation_equal_to_it(double mean)
    {
        var random = new Random(7);
        var draws = Enumerable.Range(0, Draws).Select(_ => Samplers.Exponential(random, mean)).ToArray();

        var average = draws.Average();
        var deviation = Math.Sqrt(draws.Select(d => (d - average) * (d - average)).Average());
        Assert.InRange(average, mean * 0.98, mean * 1.02);
        Assert.InRange(deviation, mean * 0.97, mean * 1.03); // what sets exponential apart from, say, uniform around the mean
        Assert.All(draws, d => Assert.True(d >= 0));
    }

    [Fact]
    public void A_mean_of_zero_draws_zero() => Assert.Equal(0, Samplers.Exponential(new Random(1), 0));

    [Fact]
    public void Poisson_arrivals_count_rate_times_window_per_window_with_a_variance_equal_to_the_mean()
    {
        var random = new Random(11);
        const double rate = 200;
        const int windows = 2_000;
        var counts = new int[windows];
        for (var at = Samplers.NextArrivalGap(random, rate).TotalSeconds; at < windows; at += Samplers.NextArrivalGap(random, rate).TotalSeconds)
        {
            counts[(int)at]++; // arrivals in each one-second window
        }

        var mean = counts.Average();
        var variance = counts.Select(c => (c - mean) * (c - mean)).Average();
        Assert.InRange(mean, rate * 0.98, rate * 1.02);
        Assert.InRange(variance, rate * 0.85, rate * 1.15);
    }

    [Fact]
    public void Chance_comes_up_at_the_asked_share_and_never_at_zero()
    {
        var random = new Random(3);
        var hits = Enumerable.Range(0, Draws).Count(_ => Samplers.Chance(random, 0.05));

        Assert.InRange(hits / (double)Draws, 0.048, 0.052);
        Assert.DoesNotContain(true, Enumerable.Range(0, 1000).Select(_ => Samplers.Chance(random, 0)));
    }

    [Fact]
    public void Draws_around_a_mean_stay_within_half_of_it_either_side()
    {
        var random = new Random(5);
        var draws = Enumerable.Range(0, Draws).Select(_ => Samplers.AroundMean(random, 4)).ToArray();

        Assert.All(draws, d => Assert.InRange(d, 2, 6));
        Assert.InRange(draws.Average(), 3.95, 4.05);
    }
}

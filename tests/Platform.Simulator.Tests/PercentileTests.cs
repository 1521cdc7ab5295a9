using Platform.CallSimulator.Measuring;

namespace Platform.Simulator.Tests;

public sealed class PercentileTests
{
    private static readonly double[] OneToHundred = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();

    [Theory]
    [InlineData(50, 50)]
    [InlineData(95, 95)]
    [InlineData(99, 99)]
    [InlineData(100, 100)]
    [InlineData(0.5, 1)]
    public void Nearest_rank_percentiles_of_one_to_a_hundred(double percent, double expected) =>
        Assert.Equal(expected, Percentiles.Of(OneToHundred, percent));

    [Fact]
    public void The_p99_of_ten_samples_is_the_largest_not_an_interpolation()
    {
        var samples = new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 1000 };

        Assert.Equal(1000, Percentiles.Of(samples, 99));
        Assert.Equal(5, Percentiles.Of(samples, 50));
    }

    [Fact]
    public void Summaries_sort_their_samples_first()
    {
        var summary = Percentiles.Summarise([30, 10, 20, 50, 40]);

        Assert.Equal(new Percentiles.Summary(5, 30, 50, 50, 50), summary);
    }

    [Fact]
    public void No_samples_give_no_percentiles()
    {
        Assert.True(double.IsNaN(Percentiles.Of([], 50)));
        Assert.Equal(0, Percentiles.Summarise([]).Count);
    }
}

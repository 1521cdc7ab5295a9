namespace Platform.Queue.Tests.Waiting;

public sealed class EstimatedWaitTests
{
    private static readonly TimeSpan FourMinutes = TimeSpan.FromMinutes(4);

    [Theory]
    [InlineData(1, 3, 4)]
    [InlineData(3, 3, 4)]
    [InlineData(4, 3, 8)]
    [InlineData(7, 3, 12)]
    [InlineData(1, 1, 4)]
    [InlineData(5, 1, 20)]
    public void Each_round_of_staffed_agents_ahead_adds_one_average_handle_time(int position, int agents, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), EstimatedWait.For(position, agents, FourMinutes));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void No_estimate_when_no_agent_is_staffed(int agents)
    {
        Assert.Null(EstimatedWait.For(1, agents, FourMinutes));
    }

    [Fact]
    public void A_position_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EstimatedWait.For(0, 3, FourMinutes));
    }

    [Fact]
    public void A_huge_estimate_saturates_instead_of_overflowing()
    {
        Assert.Equal(TimeSpan.MaxValue, EstimatedWait.For(int.MaxValue, 1, TimeSpan.FromDays(36500)));
    }
}

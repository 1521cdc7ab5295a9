namespace Platform.Queue.Tests.Agents;

public sealed class NamesTests
{
    [Theory]
    [InlineData(AgentState.LoggedOut, "logged_out")]
    [InlineData(AgentState.Available, "available")]
    [InlineData(AgentState.Offered, "offered")]
    [InlineData(AgentState.OnCall, "on_call")]
    [InlineData(AgentState.WrapUp, "wrap_up")]
    [InlineData(AgentState.Break, "break")]
    public void Agent_state_has_a_snake_case_name_that_reads_back(AgentState state, string name)
    {
        Assert.Equal(name, AgentStateNames.ToName(state));
        Assert.True(AgentStateNames.TryParse(name, out var parsed));
        Assert.Equal(state, parsed);
    }

    [Theory]
    [InlineData(RoutingStrategy.LongestIdle, "longest_idle")]
    [InlineData(RoutingStrategy.RoundRobin, "round_robin")]
    [InlineData(RoutingStrategy.FewestCalls, "fewest_calls")]
    [InlineData(RoutingStrategy.LeastTalkTime, "least_talk_time")]
    [InlineData(RoutingStrategy.FixedOrder, "fixed_order")]
    [InlineData(RoutingStrategy.Random, "random")]
    [InlineData(RoutingStrategy.RingAll, "ring_all")]
    public void Routing_strategy_has_a_snake_case_name_that_reads_back(RoutingStrategy strategy, string name)
    {
        Assert.Equal(name, RoutingStrategyNames.ToName(strategy));
        Assert.True(RoutingStrategyNames.TryParse(name, out var parsed));
        Assert.Equal(strategy, parsed);
    }

    [Fact]
    public void Every_strategy_is_listed_once()
    {
        Assert.Equal(Enum.GetValues<RoutingStrategy>().Length, RoutingStrategyNames.All.Distinct().Count());
        Assert.Equal(Enum.GetValues<AgentState>().Length, AgentStateNames.All.Distinct().Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData("OnCall")]
    [InlineData("on call")]
    [InlineData("longest-idle")]
    [InlineData(null)]
    public void Names_outside_the_list_do_not_parse(string? name)
    {
        Assert.False(AgentStateNames.TryParse(name, out _));
        Assert.False(RoutingStrategyNames.TryParse(name, out _));
    }

    [Fact]
    public void Names_parse_ignoring_case()
    {
        Assert.True(AgentStateNames.TryParse("WRAP_UP", out var state));
        Assert.Equal(AgentState.WrapUp, state);
        Assert.True(RoutingStrategyNames.TryParse("Ring_All", out var strategy));
        Assert.Equal(RoutingStrategy.RingAll, strategy);
    }
}

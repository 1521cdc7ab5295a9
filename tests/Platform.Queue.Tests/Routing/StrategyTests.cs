using Platform.Queue.Tests.Support;

namespace Platform.Queue.Tests.Routing;

/// <summary>
/// Five agents on whom every deterministic strategy disagrees: each test below names the one agent its strategy
/// picks, and <see cref="Every_strategy_picks_a_different_agent_here"/> checks that no two strategies agree,
/// so a strategy that behaved like another would fail its own test.
/// </summary>
public sealed class StrategyTests
{
    private static readonly AgentCandidate First = Make.Agent(memberOrder: 1, idleSeconds: 600, calls: 5, talkSeconds: 900);
    private static readonly AgentCandidate LongestIdle = Make.Agent(memberOrder: 2, idleSeconds: 3600, calls: 9, talkSeconds: 3000);
    private static readonly AgentCandidate FewestCalls = Make.Agent(memberOrder: 3, idleSeconds: 300, calls: 1, talkSeconds: 2000);
    private static readonly AgentCandidate LeastTalk = Make.Agent(memberOrder: 4, idleSeconds: 60, calls: 7, talkSeconds: 100);
    private static readonly AgentCandidate Last = Make.Agent(memberOrder: 5, idleSeconds: 120, calls: 8, talkSeconds: 2500);
    private static readonly AgentCandidate[] Agents = [LeastTalk, Last, First, FewestCalls, LongestIdle];

    private static Guid PickFor(RoutingStrategy strategy, Guid? roundRobinLast = null)
    {
        var call = Make.Call(waitedSeconds: 10);
        var result = Make.Route(Make.Rules(strategy), [call], Agents, roundRobinLast);
        var assignment = Assert.Single(result.Assignments);
        Assert.Equal(call.CallId, assignment.CallId);
        return Assert.Single(assignment.AgentIds);
    }

    [Fact]
    public void Longest_idle_offers_the_call_to_the_agent_idle_longest()
    {
        Assert.Equal(LongestIdle.AgentId, PickFor(RoutingStrategy.LongestIdle));
    }

    [Fact]
    public void Fewest_calls_offers_the_call_to_the_agent_who_took_fewest_today()
    {
        Assert.Equal(FewestCalls.AgentId, PickFor(RoutingStrategy.FewestCalls));
    }

    [Fact]
    public void Least_talk_time_offers_the_call_to_the_agent_who_talked_least_today()
    {
        Assert.Equal(LeastTalk.AgentId, PickFor(RoutingStrategy.LeastTalkTime));
    }

    [Fact]
    public void Fixed_order_offers_the_call_to_the_first_member_in_the_list()
    {
        Assert.Equal(First.AgentId, PickFor(RoutingStrategy.FixedOrder));
    }

    [Fact]
    public void Round_robin_offers_the_call_to_the_member_after_the_last_one_picked()
    {
        Assert.Equal(Last.AgentId, PickFor(RoutingStrategy.RoundRobin, roundRobinLast: LeastTalk.AgentId));
    }

    [Fact]
    public void Every_strategy_picks_a_different_agent_here()
    {
        Guid[] picks =
        [
            PickFor(RoutingStrategy.LongestIdle),
            PickFor(RoutingStrategy.FewestCalls),
            PickFor(RoutingStrategy.LeastTalkTime),
            PickFor(RoutingStrategy.FixedOrder),
            PickFor(RoutingStrategy.RoundRobin, roundRobinLast: LeastTalk.AgentId),
        ];

        Assert.Equal(picks.Length, picks.Distinct().Count());
    }

    [Fact]
    public void Random_spreads_calls_evenly_over_the_agents()
    {
        var random = new Random(20261123);
        var rules = Make.Rules(RoutingStrategy.Random);
        var counts = Agents.ToDictionary(a => a.AgentId, _ => 0);
        const int draws = 20_000;

        for (var i = 0; i < draws; i++)
        {
            var result = Router.Route(rules, [Make.Call()], Agents, Make.Now, null, random);
            counts[Assert.Single(Assert.Single(result.Assignments).AgentIds)]++;
        }

        // Each agent expects 4,000 draws (standard deviation about 57): 3,700–4,300 is more than five deviations.
        Assert.All(counts.Values, count => Assert.InRange(count, 3_700, 4_300));
    }

    [Fact]
    public void Random_is_reproducible_with_the_same_seed()
    {
        var rules = Make.Rules(RoutingStrategy.Random);
        var calls = Enumerable.Range(0, 3).Select(i => Make.Call(waitedSeconds: i)).ToArray();

        var once = Make.Route(rules, calls, Agents, seed: 42);
        var again = Make.Route(rules, calls, Agents, seed: 42);

        Assert.Equal(once.Assignments.Select(a => a.AgentIds.Single()), again.Assignments.Select(a => a.AgentIds.Single()));
    }

    [Fact]
    public void Ring_all_offers_one_call_to_several_agents_longest_idle_first()
    {
        var call = Make.Call();
        var result = Make.Route(Make.Rules(RoutingStrategy.RingAll, ringAllWidth: 3), [call, Make.Call(-1)], Agents);

        var first = result.Assignments[0];
        Assert.Equal(call.CallId, first.CallId);
        Assert.Equal([LongestIdle.AgentId, First.AgentId, FewestCalls.AgentId], first.AgentIds);
    }

    [Fact]
    public void Ring_all_rings_no_more_agents_than_its_width_and_the_rest_take_the_next_call()
    {
        var calls = new[] { Make.Call(waitedSeconds: 20), Make.Call(waitedSeconds: 10), Make.Call(waitedSeconds: 5) };
        var result = Make.Route(Make.Rules(RoutingStrategy.RingAll, ringAllWidth: 3), calls, Agents);

        Assert.Equal([3, 2], result.Assignments.Select(a => a.AgentIds.Count));
        Assert.Equal([Last.AgentId, LeastTalk.AgentId], result.Assignments[1].AgentIds);
        Assert.Equal(calls[1].CallId, result.Assignments[1].CallId);
    }

    [Fact]
    public void Ring_all_with_a_width_below_one_rings_one_agent()
    {
        var result = Make.Route(Make.Rules(RoutingStrategy.RingAll, ringAllWidth: 0), [Make.Call()], Agents);

        Assert.Equal([LongestIdle.AgentId], Assert.Single(result.Assignments).AgentIds);
    }

    [Fact]
    public void Equally_idle_agents_are_taken_in_member_order()
    {
        var second = Make.Agent(memberOrder: 2, idleSeconds: 100);
        var first = Make.Agent(memberOrder: 1, idleSeconds: 100);

        var result = Make.Route(Make.Rules(RoutingStrategy.LongestIdle), [Make.Call()], [second, first]);

        Assert.Equal(first.AgentId, Assert.Single(result.Assignments).AgentIds.Single());
    }

    [Fact]
    public void Fewest_calls_breaks_a_tie_by_the_longest_idle()
    {
        var recent = Make.Agent(memberOrder: 1, idleSeconds: 10, calls: 2);
        var idle = Make.Agent(memberOrder: 2, idleSeconds: 500, calls: 2);

        var result = Make.Route(Make.Rules(RoutingStrategy.FewestCalls), [Make.Call()], [recent, idle]);

        Assert.Equal(idle.AgentId, Assert.Single(result.Assignments).AgentIds.Single());
    }

    [Fact]
    public void Least_talk_time_breaks_a_tie_by_the_longest_idle()
    {
        var recent = Make.Agent(memberOrder: 1, idleSeconds: 10, talkSeconds: 60);
        var idle = Make.Agent(memberOrder: 2, idleSeconds: 500, talkSeconds: 60);

        var result = Make.Route(Make.Rules(RoutingStrategy.LeastTalkTime), [Make.Call()], [recent, idle]);

        Assert.Equal(idle.AgentId, Assert.Single(result.Assignments).AgentIds.Single());
    }
}

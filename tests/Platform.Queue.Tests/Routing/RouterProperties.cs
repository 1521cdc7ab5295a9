using FsCheck.Xunit;
using Platform.Queue.Tests.Support;

namespace Platform.Queue.Tests.Routing;

/// <summary>
/// The router's invariants over generated queues (<see cref="Generators"/>). Each property restates a rule of
/// routing independently of how <see cref="Router"/> computes it; <see cref="SkillMatch.Qualifies"/> is the one
/// shared definition, and is tested on its own.
/// </summary>
[Properties(Arbitrary = [typeof(Generators)], MaxTest = 300)]
public sealed class RouterProperties
{
    [Property]
    public void Each_agent_is_offered_at_most_one_call_and_each_call_is_offered_once(Scenario scenario)
    {
        var result = scenario.Route();

        var agents = result.Assignments.SelectMany(a => a.AgentIds).ToList();
        Assert.Equal(agents.Count, agents.Distinct().Count());
        Assert.All(agents, id => Assert.Contains(scenario.Agents, a => a.AgentId == id));
        var calls = result.Assignments.Select(a => a.CallId).ToList();
        Assert.Equal(calls.Count, calls.Distinct().Count());
        Assert.All(calls, id => Assert.Contains(scenario.Calls, c => c.CallId == id));
        Assert.All(result.Assignments, a => Assert.NotEmpty(a.AgentIds));
    }

    [Property]
    public void Every_offered_agent_qualifies_for_the_call(Scenario scenario)
    {
        foreach (var assignment in scenario.Route().Assignments)
        {
            var call = scenario.Call(assignment.CallId);
            Assert.All(assignment.AgentIds, id => Assert.True(scenario.Qualifies(scenario.Agent(id), call)));
        }
    }

    [Property]
    public void Offers_come_in_call_order(Scenario scenario)
    {
        var order = CallOrder.Sort(scenario.Calls, scenario.Rules.Aging, Make.Now).Select(c => c.CallId).ToList();

        var positions = scenario.Route().Assignments.Select(a => order.IndexOf(a.CallId)).ToList();

        Assert.Equal(positions.Order(), positions);
    }

    /// <summary>
    /// If call A comes before call B and B was offered agent X, then X did not qualify for A or A was offered
    /// someone: X was still free when A's turn came, so A could have had X.
    /// </summary>
    [Property]
    public void A_later_call_never_takes_an_agent_an_earlier_call_could_have_had(Scenario scenario)
    {
        var result = scenario.Route();
        var offered = result.Assignments.ToDictionary(a => a.CallId, a => a.AgentIds);
        var order = CallOrder.Sort(scenario.Calls, scenario.Rules.Aging, Make.Now);

        for (var b = 0; b < order.Count; b++)
        {
            if (!offered.TryGetValue(order[b].CallId, out var agentsOfB))
            {
                continue;
            }
            for (var a = 0; a < b; a++)
            {
                foreach (var x in agentsOfB)
                {
                    Assert.True(
                        offered.ContainsKey(order[a].CallId) || !scenario.Qualifies(scenario.Agent(x), order[a]),
                        $"call {order[b].CallId:N} took agent {x:N}, who qualified for the earlier call {order[a].CallId:N}, which got nobody");
                }
            }
        }
    }

    [Property]
    public void No_call_waits_while_an_agent_who_qualifies_for_it_stays_free(Scenario scenario)
    {
        var result = scenario.Route();
        var taken = result.Assignments.SelectMany(a => a.AgentIds).ToHashSet();
        var served = result.Assignments.Select(a => a.CallId).ToHashSet();

        foreach (var call in scenario.Calls.Where(c => !served.Contains(c.CallId)))
        {
            Assert.DoesNotContain(scenario.Agents, agent => !taken.Contains(agent.AgentId) && scenario.Qualifies(agent, call));
        }
    }

    /// <summary>
    /// Replays the offers one by one: each call's agents are the strategy's choice among the agents still free who
    /// qualify, of the lowest tier among those, with the strategies' rules written out here a second time.
    /// </summary>
    [Property]
    public void Each_offer_is_the_strategys_choice_among_the_free_agents_of_the_lowest_tier(Scenario scenario)
    {
        var result = scenario.Route();
        var free = scenario.Agents.ToList();
        var cursor = scenario.Agents.FirstOrDefault(a => a.AgentId == scenario.RoundRobinLast)?.MemberOrder;

        foreach (var assignment in result.Assignments)
        {
            var call = scenario.Call(assignment.CallId);
            var qualified = free.Where(a => scenario.Qualifies(a, call)).ToList();
            Assert.NotEmpty(qualified);
            var tier = qualified.Min(a => a.Tier);
            var candidates = qualified.Where(a => a.Tier == tier).ToList();
            var byIdle = candidates.OrderBy(a => a.IdleSince).ThenBy(a => a.MemberOrder).ThenBy(a => a.AgentId).ToList();

            IEnumerable<AgentCandidate> expected = scenario.Rules.Strategy switch
            {
                RoutingStrategy.LongestIdle => byIdle.Take(1),
                RoutingStrategy.FewestCalls => byIdle.OrderBy(a => a.CallsHandledToday).Take(1),
                RoutingStrategy.LeastTalkTime => byIdle.OrderBy(a => a.TalkSecondsToday).Take(1),
                RoutingStrategy.FixedOrder => candidates.OrderBy(a => a.MemberOrder).ThenBy(a => a.AgentId).Take(1),
                RoutingStrategy.RoundRobin => candidates
                    .OrderBy(a => a.MemberOrder > cursor ? 0 : 1).ThenBy(a => a.MemberOrder).ThenBy(a => a.AgentId).Take(1),
                RoutingStrategy.RingAll => byIdle.Take(Math.Max(1, scenario.Rules.RingAllWidth)),
                _ => candidates.Where(a => a.AgentId == assignment.AgentIds.Single()),
            };

            Assert.Equal(expected.Select(a => a.AgentId), assignment.AgentIds);
            free.RemoveAll(a => assignment.AgentIds.Contains(a.AgentId));
            if (scenario.Rules.Strategy == RoutingStrategy.RoundRobin)
            {
                cursor = scenario.Agent(assignment.AgentIds.Single()).MemberOrder;
            }
        }
    }

    [Property]
    public void Round_robin_remembers_its_last_pick(Scenario scenario)
    {
        var result = scenario.Route();

        var expected = scenario.Rules.Strategy == RoutingStrategy.RoundRobin && result.Assignments.Count > 0
            ? result.Assignments[^1].AgentIds.Single()
            : scenario.RoundRobinLast;
        Assert.Equal(expected, result.RoundRobinLastAgent);
    }

    [Property]
    public void The_order_calls_are_passed_in_changes_nothing(Scenario scenario, int shuffleSeed)
    {
        var calls = scenario.Calls.ToArray();
        new Random(shuffleSeed).Shuffle(calls);

        Assert.Equal(Describe(scenario.Route()), Describe((scenario with { Calls = calls }).Route()));
    }

    [Property]
    public void The_order_agents_are_passed_in_changes_nothing_but_random_draws(Scenario scenario, int shuffleSeed)
    {
        if (scenario.Rules.Strategy == RoutingStrategy.Random)
        {
            return;
        }
        var agents = scenario.Agents.ToArray();
        new Random(shuffleSeed).Shuffle(agents);

        Assert.Equal(Describe(scenario.Route()), Describe((scenario with { Agents = agents }).Route()));
    }

    private static string Describe(RoutingResult result) =>
        string.Join("; ", result.Assignments.Select(a => $"{a.CallId:N}->{string.Join(",", a.AgentIds.Select(id => id.ToString("N")))}"))
        + $" | {result.RoundRobinLastAgent}";
}

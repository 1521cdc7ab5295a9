using Platform.Queue.Tests.Support;

namespace Platform.Queue.Tests.Routing;

public sealed class RouterTests
{
    private static readonly SkillRequirement French7 = new("french", 7);

    private static Guid? AgentFor(RoutingResult result, WaitingCall call) =>
        result.Assignments.SingleOrDefault(a => a.CallId == call.CallId)?.AgentIds.Single();

    [Fact]
    public void Vip_call_is_offered_before_older_calls()
    {
        var old = Make.Call(waitedSeconds: 900, priority: 5);
        var vip = Make.Call(waitedSeconds: 2, vip: true);
        var agent = Make.Agent();

        var result = Make.Route(Make.Rules(), [old, vip], [agent]);

        Assert.Equal(agent.AgentId, AgentFor(result, vip));
        Assert.Null(AgentFor(result, old));
    }

    [Fact]
    public void The_free_agent_takes_the_call_that_has_waited_longest()
    {
        var calls = new[] { Make.Call(10), Make.Call(40), Make.Call(25) };

        var result = Make.Route(Make.Rules(), calls, [Make.Agent()]);

        Assert.Equal(calls[1].CallId, Assert.Single(result.Assignments).CallId);
    }

    [Fact]
    public void A_long_wait_with_aging_overtakes_a_newer_call_of_higher_priority()
    {
        var patient = Make.Call(waitedSeconds: 300, priority: 0);
        var newcomer = Make.Call(waitedSeconds: 5, priority: 2);
        var aging = new PriorityAging(EverySeconds: 60, MaxBoost: 5);

        var withAging = Make.Route(Make.Rules(aging: aging), [newcomer, patient], [Make.Agent()]);
        var without = Make.Route(Make.Rules(), [newcomer, patient], [Make.Agent()]);

        Assert.Equal(patient.CallId, Assert.Single(withAging.Assignments).CallId);
        Assert.Equal(newcomer.CallId, Assert.Single(without.Assignments).CallId);
    }

    [Fact]
    public void Each_agent_is_offered_one_call_and_routing_stops_when_none_is_left()
    {
        var calls = Enumerable.Range(1, 5).Select(i => Make.Call(waitedSeconds: i * 10)).ToArray();
        var agents = new[] { Make.Agent(1, idleSeconds: 30), Make.Agent(2, idleSeconds: 20) };

        var result = Make.Route(Make.Rules(), calls, agents);

        Assert.Equal([calls[4].CallId, calls[3].CallId], result.Assignments.Select(a => a.CallId));
        Assert.Equal([agents[0].AgentId, agents[1].AgentId], result.Assignments.Select(a => a.AgentIds.Single()));
    }

    [Fact]
    public void No_call_or_no_agent_routes_nothing()
    {
        Assert.Empty(Make.Route(Make.Rules(), [], [Make.Agent()]).Assignments);
        Assert.Empty(Make.Route(Make.Rules(), [Make.Call()], []).Assignments);
    }

    [Fact]
    public void The_lowest_tier_is_tried_first_even_against_a_longer_idle_agent()
    {
        var backup = Make.Agent(memberOrder: 1, idleSeconds: 3600, tier: 2);
        var primary = Make.Agent(memberOrder: 2, idleSeconds: 10, tier: 1);

        var result = Make.Route(Make.Rules(), [Make.Call()], [backup, primary]);

        Assert.Equal(primary.AgentId, Assert.Single(result.Assignments).AgentIds.Single());
    }

    [Fact]
    public void A_higher_tier_takes_the_call_when_no_agent_of_a_lower_tier_qualifies()
    {
        var primaryWithoutFrench = Make.Agent(memberOrder: 1, tier: 1);
        var backupWithFrench = Make.Agent(memberOrder: 2, tier: 2, skills: [("french", 8)]);

        var result = Make.Route(Make.Rules(skills: [French7]), [Make.Call()], [primaryWithoutFrench, backupWithFrench]);

        Assert.Equal(backupWithFrench.AgentId, Assert.Single(result.Assignments).AgentIds.Single());
    }

    [Fact]
    public void A_second_call_goes_to_the_next_tier_once_the_first_tier_is_taken()
    {
        var first = Make.Call(20);
        var second = Make.Call(10);
        var primary = Make.Agent(tier: 1);
        var backup = Make.Agent(tier: 2);

        var result = Make.Route(Make.Rules(), [second, first], [backup, primary]);

        Assert.Equal(primary.AgentId, AgentFor(result, first));
        Assert.Equal(backup.AgentId, AgentFor(result, second));
    }

    [Fact]
    public void An_agent_below_the_minimum_gets_a_call_only_after_relaxation()
    {
        var rules = Make.Rules(skills: [French7], relaxation: [new RelaxationStep(60, 2, false)]);
        var agent = Make.Agent(skills: [("french", 5)]);

        Assert.Empty(Make.Route(rules, [Make.Call(waitedSeconds: 59)], [agent]).Assignments);
        Assert.Single(Make.Route(rules, [Make.Call(waitedSeconds: 61)], [agent]).Assignments);
    }

    [Fact]
    public void A_call_nobody_can_take_does_not_hold_up_the_calls_behind_it()
    {
        var rules = Make.Rules(skills: [French7], relaxation: [new RelaxationStep(60, 2, false)]);
        var vipJustArrived = Make.Call(waitedSeconds: 1, vip: true);
        var relaxed = Make.Call(waitedSeconds: 90);
        var agent = Make.Agent(skills: [("french", 5)]);

        var result = Make.Route(rules, [vipJustArrived, relaxed], [agent]);

        Assert.Equal(relaxed.CallId, Assert.Single(result.Assignments).CallId);
    }

    [Fact]
    public void A_later_call_never_takes_the_agent_an_earlier_call_could_have_had()
    {
        var rules = Make.Rules(skills: [French7], relaxation: [new RelaxationStep(60, 2, false)]);
        var vip = Make.Call(waitedSeconds: 1, vip: true);
        var relaxed = Make.Call(waitedSeconds: 90);
        var expert = Make.Agent(memberOrder: 1, idleSeconds: 900, skills: [("french", 9)]);
        var junior = Make.Agent(memberOrder: 2, idleSeconds: 10, skills: [("french", 5)]);

        var result = Make.Route(rules, [relaxed, vip], [junior, expert]);

        Assert.Equal(expert.AgentId, AgentFor(result, vip));
        Assert.Equal(junior.AgentId, AgentFor(result, relaxed));
    }

    [Fact]
    public void Assignments_come_in_call_order()
    {
        var calls = new[] { Make.Call(10), Make.Call(30, priority: 1), Make.Call(20, vip: true) };
        var agents = new[] { Make.Agent(1), Make.Agent(2), Make.Agent(3) };

        var result = Make.Route(Make.Rules(), calls, agents);

        Assert.Equal([calls[2].CallId, calls[1].CallId, calls[0].CallId], result.Assignments.Select(a => a.CallId));
    }

    [Fact]
    public void More_than_a_stack_full_of_calls_and_agents_routes_the_same_way()
    {
        var calls = Enumerable.Range(0, 600).Select(i => Make.Call(waitedSeconds: i)).ToArray();
        var agents = Enumerable.Range(0, 300).Select(i => Make.Agent(memberOrder: i, idleSeconds: i)).ToArray();

        var result = Make.Route(Make.Rules(), calls, agents);

        Assert.Equal(300, result.Assignments.Count);
        Assert.Equal(calls[599].CallId, result.Assignments[0].CallId);
        Assert.Equal(agents[299].AgentId, result.Assignments[0].AgentIds.Single());
        Assert.Equal(calls[300].CallId, result.Assignments[^1].CallId);
        Assert.Equal(agents[0].AgentId, result.Assignments[^1].AgentIds.Single());
    }

    [Fact]
    public void An_unknown_strategy_is_refused()
    {
        var rules = Make.Rules((RoutingStrategy)99);

        Assert.Throws<ArgumentOutOfRangeException>(() => Make.Route(rules, [Make.Call()], [Make.Agent()]));
    }
}

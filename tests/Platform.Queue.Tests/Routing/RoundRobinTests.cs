using Platform.Queue.Tests.Support;

namespace Platform.Queue.Tests.Routing;

public sealed class RoundRobinTests
{
    private static readonly QueueRules Rules = Make.Rules(RoutingStrategy.RoundRobin);
    private static readonly AgentCandidate A = Make.Agent(memberOrder: 10, idleSeconds: 5);
    private static readonly AgentCandidate B = Make.Agent(memberOrder: 20, idleSeconds: 50);
    private static readonly AgentCandidate C = Make.Agent(memberOrder: 30, idleSeconds: 500);
    private static readonly AgentCandidate[] Members = [C, A, B];

    private static Guid[] Picks(RoutingResult result) => result.Assignments.Select(a => a.AgentIds.Single()).ToArray();

    [Fact]
    public void Rotation_wraps_round_to_the_first_member_after_the_last()
    {
        var result = Make.Route(Rules, [Make.Call()], Members, roundRobinLast: C.AgentId);

        Assert.Equal([A.AgentId], Picks(result));
        Assert.Equal(A.AgentId, result.RoundRobinLastAgent);
    }

    [Fact]
    public void Rotation_starts_at_the_first_member_when_nobody_was_picked_yet()
    {
        var result = Make.Route(Rules, [Make.Call()], Members, roundRobinLast: null);

        Assert.Equal([A.AgentId], Picks(result));
    }

    [Fact]
    public void Rotation_starts_at_the_first_member_when_the_last_agent_is_not_among_those_passed()
    {
        var result = Make.Route(Rules, [Make.Call()], Members, roundRobinLast: Guid.NewGuid());

        Assert.Equal([A.AgentId], Picks(result));
    }

    [Fact]
    public void Several_calls_in_one_pass_keep_rotating_and_the_cursor_ends_on_the_last_pick()
    {
        var calls = new[] { Make.Call(30), Make.Call(20), Make.Call(10) };

        var result = Make.Route(Rules, calls, Members, roundRobinLast: A.AgentId);

        Assert.Equal([B.AgentId, C.AgentId, A.AgentId], Picks(result));
        Assert.Equal(A.AgentId, result.RoundRobinLastAgent);
        Assert.Equal(A.MemberOrder, result.RoundRobinLastMemberOrder);
    }

    [Fact]
    public void The_cursor_continues_after_a_busy_agent_when_its_member_order_is_given()
    {
        var busy = Guid.NewGuid();

        var result = Router.Route(Rules, [Make.Call()], Members, Make.Now, new RoundRobinCursor(busy, LastMemberOrder: 25), new Random(1));

        Assert.Equal([C.AgentId], Picks(result));
    }

    [Fact]
    public void No_pick_leaves_the_cursor_where_it_was()
    {
        var last = Guid.NewGuid();

        var result = Make.Route(Rules, [], Members, roundRobinLast: last);

        Assert.Empty(result.Assignments);
        Assert.Equal(last, result.RoundRobinLastAgent);
    }

    [Fact]
    public void Other_strategies_pass_the_cursor_through()
    {
        var last = Guid.NewGuid();

        var result = Make.Route(Make.Rules(RoutingStrategy.LongestIdle), [Make.Call()], Members, roundRobinLast: last);

        Assert.Equal(last, result.RoundRobinLastAgent);
    }
}

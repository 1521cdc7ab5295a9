using FsCheck.Xunit;

namespace Platform.Queue.Tests.Agents;

/// <summary>
/// The state machine's space is small (6 states × 10 commands), so these check every pair rather than a sample.
/// </summary>
public sealed class AgentStateMachineProperties
{
    [Fact]
    public void States_allowing_a_command_are_exactly_those_from_which_it_is_allowed()
    {
        foreach (var command in Enum.GetValues<AgentCommand>())
        {
            var expected = Enum.GetValues<AgentState>().Where(state => AgentStateMachine.Decide(state, command).Allowed);
            Assert.Equal(expected, AgentStateMachine.StatesAllowing(command));
        }
    }

    [Fact]
    public void Every_command_is_allowed_from_some_state()
    {
        Assert.All(Enum.GetValues<AgentCommand>(), command => Assert.NotEmpty(AgentStateMachine.StatesAllowing(command)));
    }

    [Fact]
    public void Allowed_moves_carry_no_reason_and_refused_moves_always_do()
    {
        foreach (var state in Enum.GetValues<AgentState>())
        {
            foreach (var command in Enum.GetValues<AgentCommand>())
            {
                var transition = AgentStateMachine.Decide(state, command);
                Assert.Equal(transition.Allowed, transition.Reason is null);
                Assert.True(transition.Allowed || !string.IsNullOrWhiteSpace(transition.Reason));
            }
        }
    }

    [Fact]
    public void Every_state_is_reachable_from_logged_out_and_can_get_back()
    {
        var reachable = Reachable(AgentState.LoggedOut);
        Assert.Equal(Enum.GetValues<AgentState>().Order(), reachable.Order());
        var reachingLoggedOut = Enum.GetValues<AgentState>()
            .Where(state => Reachable(state).Contains(AgentState.LoggedOut));
        Assert.Equal(Enum.GetValues<AgentState>(), reachingLoggedOut);
    }

    [Property]
    public void A_state_name_reads_back_whatever_its_case(AgentState state, bool upper)
    {
        var name = AgentStateNames.ToName(state);

        Assert.True(AgentStateNames.TryParse(upper ? name.ToUpperInvariant() : name, out var parsed));
        Assert.Equal(state, parsed);
    }

    [Property]
    public void Only_listed_names_parse(string? text)
    {
        Assert.Equal(
            AgentStateNames.All.Contains(text, StringComparer.OrdinalIgnoreCase),
            AgentStateNames.TryParse(text, out _));
        Assert.Equal(
            RoutingStrategyNames.All.Contains(text, StringComparer.OrdinalIgnoreCase),
            RoutingStrategyNames.TryParse(text, out _));
    }

    private static HashSet<AgentState> Reachable(AgentState start)
    {
        var seen = new HashSet<AgentState> { start };
        var frontier = new Queue<AgentState>([start]);
        while (frontier.TryDequeue(out var state))
        {
            foreach (var command in Enum.GetValues<AgentCommand>())
            {
                var transition = AgentStateMachine.Decide(state, command);
                if (transition.Allowed && seen.Add(transition.To))
                {
                    frontier.Enqueue(transition.To);
                }
            }
        }
        return seen;
    }
}

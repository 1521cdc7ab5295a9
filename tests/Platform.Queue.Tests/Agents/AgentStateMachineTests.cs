namespace Platform.Queue.Tests.Agents;

public sealed class AgentStateMachineTests
{
    /// <summary>The agent's day as the trade describes it: every allowed move, and nothing else.</summary>
    public static readonly TheoryData<AgentState, AgentCommand, AgentState> AllowedMoves = new()
    {
        { AgentState.LoggedOut, AgentCommand.LogIn, AgentState.Break },
        { AgentState.Break, AgentCommand.MakeAvailable, AgentState.Available },
        { AgentState.WrapUp, AgentCommand.MakeAvailable, AgentState.Available },
        { AgentState.Available, AgentCommand.Offer, AgentState.Offered },
        { AgentState.Offered, AgentCommand.Accept, AgentState.OnCall },
        { AgentState.Offered, AgentCommand.RingNoAnswer, AgentState.Break },
        { AgentState.Offered, AgentCommand.WithdrawOffer, AgentState.Available },
        { AgentState.OnCall, AgentCommand.HangUp, AgentState.WrapUp },
        { AgentState.WrapUp, AgentCommand.WrapUpDone, AgentState.Available },
        { AgentState.Available, AgentCommand.TakeBreak, AgentState.Break },
        { AgentState.WrapUp, AgentCommand.TakeBreak, AgentState.Break },
        { AgentState.Break, AgentCommand.TakeBreak, AgentState.Break },
        { AgentState.Available, AgentCommand.LogOut, AgentState.LoggedOut },
        { AgentState.Break, AgentCommand.LogOut, AgentState.LoggedOut },
    };

    public static TheoryData<AgentState, AgentCommand> RefusedMoves()
    {
        var allowed = AllowedMoves.Select(row => ((AgentState)row[0], (AgentCommand)row[1])).ToHashSet();
        var refused = new TheoryData<AgentState, AgentCommand>();
        foreach (var state in Enum.GetValues<AgentState>())
        {
            foreach (var command in Enum.GetValues<AgentCommand>())
            {
                if (!allowed.Contains((state, command)))
                {
                    refused.Add(state, command);
                }
            }
        }
        return refused;
    }

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void Allowed_move_leads_to_its_state(AgentState from, AgentCommand command, AgentState to)
    {
        Assert.Equal(new AgentTransition(true, to, null), AgentStateMachine.Decide(from, command));
    }

    [Theory]
    [MemberData(nameof(RefusedMoves))]
    public void Refused_move_keeps_the_state_and_names_it_in_the_reason(AgentState from, AgentCommand command)
    {
        var transition = AgentStateMachine.Decide(from, command);

        Assert.False(transition.Allowed);
        Assert.Equal(from, transition.To);
        Assert.Contains(WordsFor(from), transition.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith(".", transition.Reason);
    }

    [Fact]
    public void Agent_on_a_call_cannot_become_available()
    {
        Assert.Equal(
            "An agent on a call cannot become available; hang up and finish wrap-up first.",
            AgentStateMachine.Decide(AgentState.OnCall, AgentCommand.MakeAvailable).Reason);
    }

    [Fact]
    public void An_available_agent_is_told_so_when_asking_to_become_available()
    {
        Assert.Contains("already available", AgentStateMachine.Decide(AgentState.Available, AgentCommand.MakeAvailable).Reason);
    }

    [Theory]
    [InlineData(AgentState.Offered)]
    [InlineData(AgentState.OnCall)]
    [InlineData(AgentState.WrapUp)]
    public void Agent_cannot_log_out_in_the_middle_of_a_call(AgentState from)
    {
        var transition = AgentStateMachine.Decide(from, AgentCommand.LogOut);

        Assert.False(transition.Allowed);
        Assert.Contains("finish the call and its wrap-up first", transition.Reason);
    }

    [Fact]
    public void States_allowing_a_log_out_are_available_and_break()
    {
        Assert.Equal([AgentState.Available, AgentState.Break], AgentStateMachine.StatesAllowing(AgentCommand.LogOut));
    }

    [Fact]
    public void Only_an_offered_agent_can_accept()
    {
        Assert.Equal([AgentState.Offered], AgentStateMachine.StatesAllowing(AgentCommand.Accept));
    }

    [Fact]
    public void Unknown_state_or_command_is_refused_loudly()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AgentStateMachine.Decide((AgentState)42, AgentCommand.LogIn));
        Assert.Throws<ArgumentOutOfRangeException>(() => AgentStateMachine.Decide(AgentState.Available, (AgentCommand)42));
        Assert.Throws<ArgumentOutOfRangeException>(() => AgentStateMachine.StatesAllowing((AgentCommand)42));
    }

    private static string WordsFor(AgentState state) => state switch
    {
        AgentState.LoggedOut => "logged",
        AgentState.Available => "available",
        AgentState.Offered => "offered",
        AgentState.OnCall => "on a call",
        AgentState.WrapUp => "wrap-up",
        AgentState.Break => "break",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };
}

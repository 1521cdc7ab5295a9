namespace Platform.Queue.Routing;

/// <summary>
/// The agent's states and what moves between them:
/// <code>
/// LoggedOut --LogIn--> Break --MakeAvailable--> Available --Offer--> Offered --Accept--> OnCall --HangUp--> WrapUp
/// Offered --RingNoAnswer--> Break        Offered --WithdrawOffer--> Available
/// WrapUp --WrapUpDone--> Available       WrapUp --MakeAvailable--> Available
/// Available | WrapUp | Break --TakeBreak--> Break        Available | Break --LogOut--> LoggedOut
/// </code>
/// Anything else is refused with a reason that names the agent's state.
/// </summary>
public static class AgentStateMachine
{
    private static readonly IReadOnlyList<AgentState>[] Allowing = Enum.GetValues<AgentCommand>()
        .Select(command => (IReadOnlyList<AgentState>)Array.AsReadOnly(
            Array.FindAll(Enum.GetValues<AgentState>(), state => Decide(state, command).Allowed)))
        .ToArray();

    /// <summary>Whether <paramref name="command"/> may happen to an agent in state <paramref name="from"/>, and the state it leads to.</summary>
    public static AgentTransition Decide(AgentState from, AgentCommand command)
    {
        if (!Enum.IsDefined(from))
        {
            throw new ArgumentOutOfRangeException(nameof(from), from, "Unknown agent state.");
        }
        return Transition(from, command);
    }

    /// <summary>The states from which <paramref name="command"/> is allowed (for a conditional update: <c>WHERE state = ANY(...)</c>).</summary>
    public static IReadOnlyList<AgentState> StatesAllowing(AgentCommand command) =>
        Enum.IsDefined(command)
            ? Allowing[(int)command]
            : throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown agent command.");

    private static AgentTransition Transition(AgentState from, AgentCommand command) => command switch
    {
        AgentCommand.LogIn => from == AgentState.LoggedOut
            ? To(AgentState.Break)
            : Refuse(from, $"An agent who is {Describe(from)} is already logged in."),
        AgentCommand.MakeAvailable => from switch
        {
            AgentState.Break or AgentState.WrapUp => To(AgentState.Available),
            AgentState.Available => Refuse(from, "The agent is already available."),
            AgentState.LoggedOut => Refuse(from, "A logged-out agent cannot become available; log in first."),
            AgentState.Offered => Refuse(from, "An agent being offered a call cannot become available; answer it or let it ring out."),
            _ => Refuse(from, "An agent on a call cannot become available; hang up and finish wrap-up first."),
        },
        AgentCommand.Offer => from == AgentState.Available
            ? To(AgentState.Offered)
            : Refuse(from, $"Only an available agent can be offered a call; this agent is {Describe(from)}."),
        AgentCommand.Accept => Offered(from, AgentState.OnCall, "accept"),
        AgentCommand.RingNoAnswer => Offered(from, AgentState.Break, "ring out"),
        AgentCommand.WithdrawOffer => Offered(from, AgentState.Available, "withdraw"),
        AgentCommand.HangUp => from == AgentState.OnCall
            ? To(AgentState.WrapUp)
            : Refuse(from, $"There is no call to hang up; the agent is {Describe(from)}."),
        AgentCommand.WrapUpDone => from == AgentState.WrapUp
            ? To(AgentState.Available)
            : Refuse(from, $"There is no wrap-up to finish; the agent is {Describe(from)}."),
        AgentCommand.TakeBreak => from switch
        {
            AgentState.Available or AgentState.WrapUp or AgentState.Break => To(AgentState.Break),
            AgentState.LoggedOut => Refuse(from, "A logged-out agent cannot take a break; log in first."),
            AgentState.Offered => Refuse(from, "An agent being offered a call cannot take a break; answer it or let it ring out."),
            _ => Refuse(from, "An agent on a call cannot take a break; hang up and finish wrap-up first."),
        },
        AgentCommand.LogOut => from switch
        {
            AgentState.Available or AgentState.Break => To(AgentState.LoggedOut),
            AgentState.LoggedOut => Refuse(from, "The agent is already logged out."),
            _ => Refuse(from, $"An agent who is {Describe(from)} cannot log out; finish the call and its wrap-up first."),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown agent command."),
    };

    private static AgentTransition Offered(AgentState from, AgentState to, string verb) =>
        from == AgentState.Offered
            ? To(to)
            : Refuse(from, $"There is no offered call to {verb}; the agent is {Describe(from)}.");

    private static AgentTransition To(AgentState to) => new(true, to, null);

    private static AgentTransition Refuse(AgentState from, string reason) => new(false, from, reason);

    private static string Describe(AgentState state) => state switch
    {
        AgentState.LoggedOut => "logged out",
        AgentState.Available => "available",
        AgentState.Offered => "being offered a call",
        AgentState.OnCall => "on a call",
        AgentState.WrapUp => "in wrap-up",
        AgentState.Break => "on a break",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown agent state."),
    };
}

namespace Platform.Queue.Routing;

/// <summary>What can happen to an agent: the agent's own actions, the router's and the telephony's.</summary>
public enum AgentCommand
{
    /// <summary>Start the day: logged in, not yet ready (on a break).</summary>
    LogIn,
    /// <summary>Ready for calls.</summary>
    MakeAvailable,
    /// <summary>The router rings a call at the agent.</summary>
    Offer,
    /// <summary>The agent answers the offered call.</summary>
    Accept,
    /// <summary>The offered call rang out unanswered: the agent is put on a break.</summary>
    RingNoAnswer,
    /// <summary>The offer is taken back (the caller hung up, or another agent answered a ring-all call).</summary>
    WithdrawOffer,
    /// <summary>The call ends; wrap-up starts.</summary>
    HangUp,
    /// <summary>The call's result is entered.</summary>
    WrapUpDone,
    /// <summary>Pause (or change the pause code while paused).</summary>
    TakeBreak,
    /// <summary>End the day.</summary>
    LogOut,
}

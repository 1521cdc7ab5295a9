namespace Platform.Queue.Routing;

/// <summary>Where an agent is in the working day (stored by its snake_case name, <see cref="AgentStateNames"/>).</summary>
public enum AgentState
{
    /// <summary>Not at work.</summary>
    LoggedOut,
    /// <summary>Ready: the router may offer a call.</summary>
    Available,
    /// <summary>A call is ringing at the agent's desk.</summary>
    Offered,
    /// <summary>Talking.</summary>
    OnCall,
    /// <summary>After a call, entering its result.</summary>
    WrapUp,
    /// <summary>Logged in but not ready (a pause, with a pause code the caller keeps).</summary>
    Break,
}

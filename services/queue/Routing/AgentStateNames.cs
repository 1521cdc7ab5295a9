namespace Platform.Queue.Routing;

/// <summary>The agent states' names as stored and shown in the API: snake_case.</summary>
public static class AgentStateNames
{
    /// <summary>Every state's name, in the enum's order.</summary>
    public static IReadOnlyList<string> All { get; } = Array.AsReadOnly(Enum.GetValues<AgentState>().Select(ToName).ToArray());

    public static string ToName(AgentState state) => state switch
    {
        AgentState.LoggedOut => "logged_out",
        AgentState.Available => "available",
        AgentState.Offered => "offered",
        AgentState.OnCall => "on_call",
        AgentState.WrapUp => "wrap_up",
        AgentState.Break => "break",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown agent state."),
    };

    /// <summary>The state named <paramref name="name"/> (ordinal, ignoring case); false for any other text.</summary>
    public static bool TryParse(string? name, out AgentState state)
    {
        foreach (var candidate in Enum.GetValues<AgentState>())
        {
            if (string.Equals(ToName(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                state = candidate;
                return true;
            }
        }
        state = default;
        return false;
    }
}

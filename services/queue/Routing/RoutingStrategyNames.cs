namespace Platform.Queue.Routing;

/// <summary>The routing strategies' names as stored and shown in the API: snake_case.</summary>
public static class RoutingStrategyNames
{
    /// <summary>Every strategy's name, in the enum's order.</summary>
    public static IReadOnlyList<string> All { get; } = Array.AsReadOnly(Enum.GetValues<RoutingStrategy>().Select(ToName).ToArray());

    public static string ToName(RoutingStrategy strategy) => strategy switch
    {
        RoutingStrategy.LongestIdle => "longest_idle",
        RoutingStrategy.RoundRobin => "round_robin",
        RoutingStrategy.FewestCalls => "fewest_calls",
        RoutingStrategy.LeastTalkTime => "least_talk_time",
        RoutingStrategy.FixedOrder => "fixed_order",
        RoutingStrategy.Random => "random",
        RoutingStrategy.RingAll => "ring_all",
        _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Unknown routing strategy."),
    };

    /// <summary>The strategy named <paramref name="name"/> (ordinal, ignoring case); false for any other text.</summary>
    public static bool TryParse(string? name, out RoutingStrategy strategy)
    {
        foreach (var candidate in Enum.GetValues<RoutingStrategy>())
        {
            if (string.Equals(ToName(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                strategy = candidate;
                return true;
            }
        }
        strategy = default;
        return false;
    }
}

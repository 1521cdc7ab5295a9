namespace Platform.Queue.Dialer.Pacing;

/// <summary>
/// The chance that an agent on a call (or in wrap-up) is free within a horizon. Handle times vary widely (a 3–5 minute
/// call has a spread of minutes), so the expected time left says little on its own: the time left is modelled as
/// exponential with mean (expected time left + half the average handle time). An agent long past the average is likelier
/// to free up soon than one who just started, and summed over many agents the expected releases per second stay close to
/// busy agents ÷ handle time, as they are in a steady campaign.
/// </summary>
internal static class AgentRelease
{
    private static readonly TimeSpan MinimumSpread = TimeSpan.FromSeconds(5);

    public static double Within(TimeSpan horizon, TimeSpan expectedLeft, TimeSpan averageHandle)
    {
        if (horizon <= TimeSpan.Zero)
        {
            return 0;
        }
        var spread = averageHandle / 2 > MinimumSpread ? averageHandle / 2 : MinimumSpread;
        var mean = (expectedLeft > TimeSpan.Zero ? expectedLeft : TimeSpan.Zero) + spread;
        return 1 - Math.Exp(-horizon.TotalSeconds / mean.TotalSeconds);
    }
}

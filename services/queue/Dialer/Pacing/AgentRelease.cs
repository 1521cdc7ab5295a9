namespace Platform.Queue.Dialer.Pacing;

/// <summary>
/// The chance that an agent on a call (or in wrap-up) is free within a horizon. Handle times vary widely (a 3–5 minute
/// call has a spread of minutes), so the time left is a distribution around the expected time left: a gamma of shape 2
/// with mean (expected time left + a quarter of the average handle time). An agent who just started a call is almost
/// never free within the next seconds; one past the average handle time may be, with a chance of some percent a second.
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
        var spread = averageHandle / 4 > MinimumSpread ? averageHandle / 4 : MinimumSpread;
        var mean = (expectedLeft > TimeSpan.Zero ? expectedLeft : TimeSpan.Zero) + spread;
        var x = 2 * horizon.TotalSeconds / mean.TotalSeconds; // horizon ÷ the gamma's scale (mean ÷ shape)
        return 1 - Math.Exp(-x) * (1 + x);
    }
}

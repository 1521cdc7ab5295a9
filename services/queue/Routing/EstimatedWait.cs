namespace Platform.Queue.Routing;

/// <summary>
/// The wait announced to a caller ("your expected wait is…"): an estimate from the place in line only, assuming
/// every staffed agent finishes one call per average handle time. It ignores abandons, priorities and calls
/// already half-way through, so it is a figure for the caller, not a forecast (the reporting service has Erlang C).
/// </summary>
public static class EstimatedWait
{
    /// <summary>
    /// ceil(<paramref name="position"/> / <paramref name="agentsStaffed"/>) × <paramref name="averageHandleTime"/>,
    /// where <paramref name="position"/> is the 1-based place in line; null when no agent is staffed (no estimate
    /// can be given). Saturates at <see cref="TimeSpan.MaxValue"/>.
    /// </summary>
    public static TimeSpan? For(int position, int agentsStaffed, TimeSpan averageHandleTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(averageHandleTime, TimeSpan.Zero);
        if (agentsStaffed <= 0)
        {
            return null;
        }
        long rounds = (position - 1) / agentsStaffed + 1;
        return rounds > TimeSpan.MaxValue.Ticks / Math.Max(1L, averageHandleTime.Ticks)
            ? TimeSpan.MaxValue
            : TimeSpan.FromTicks(rounds * averageHandleTime.Ticks);
    }
}

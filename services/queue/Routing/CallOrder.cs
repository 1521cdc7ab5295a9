namespace Platform.Queue.Routing;

/// <summary>
/// The order in which waiting calls are offered: VIP calls first, then callbacks carried over from a closed day (promised
/// earlier: offered first when the project opens), then higher effective priority (the call's priority plus what it gained
/// by waiting), then first come first served, then the call id, so that any two distinct calls have one fixed order.
/// </summary>
public static class CallOrder
{
    /// <summary>
    /// The call's priority plus one point for every full <see cref="PriorityAging.EverySeconds"/> it has waited,
    /// at most <see cref="PriorityAging.MaxBoost"/>. A call enqueued after <paramref name="now"/> has waited zero.
    /// Without aging (or with a non-positive interval or boost) the priority is the call's own.
    /// </summary>
    public static int EffectivePriority(WaitingCall call, PriorityAging? aging, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        return EffectivePriority(call.Priority, call.EnqueuedAt, aging, now);
    }

    /// <summary>A comparer that puts the call to offer first before the others, as of <paramref name="now"/>.</summary>
    public static IComparer<WaitingCall> Comparer(PriorityAging? aging, DateTimeOffset now) =>
        new CallOrderComparer(aging, now);

    /// <summary>The calls in the order they are offered, as of <paramref name="now"/> (a new list; the input is untouched).</summary>
    public static IReadOnlyList<WaitingCall> Sort(IEnumerable<WaitingCall> calls, PriorityAging? aging, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calls);
        var sorted = calls.ToArray();
        var keys = new CallKey[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            keys[i] = CallKey.Of(sorted[i], i, aging, now);
        }
        Array.Sort(keys, sorted);
        return sorted;
    }

    internal static int EffectivePriority(int priority, DateTimeOffset enqueuedAt, PriorityAging? aging, DateTimeOffset now)
    {
        var boosted = (long)priority + AgingBoost(enqueuedAt, aging, now);
        return (int)Math.Min(boosted, int.MaxValue);
    }

    private static int AgingBoost(DateTimeOffset enqueuedAt, PriorityAging? aging, DateTimeOffset now)
    {
        if (aging is null || aging.EverySeconds <= 0 || aging.MaxBoost <= 0)
        {
            return 0;
        }
        var waitedTicks = now.UtcTicks - enqueuedAt.UtcTicks;
        if (waitedTicks <= 0)
        {
            return 0;
        }
        var intervals = waitedTicks / (aging.EverySeconds * TimeSpan.TicksPerSecond);
        return (int)Math.Min(intervals, aging.MaxBoost);
    }
}

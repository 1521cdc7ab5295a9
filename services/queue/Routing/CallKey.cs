namespace Platform.Queue.Routing;

/// <summary>
/// What decides a call's place in line, computed once per routing decision so that ordering compares plain
/// values. <see cref="Index"/> is the call's position in the caller's list and takes no part in the order.
/// </summary>
internal readonly struct CallKey : IComparable<CallKey>
{
    private readonly bool vip;
    private readonly bool carriedOver;
    private readonly int effectivePriority;
    private readonly long enqueuedUtcTicks;
    private readonly Guid callId;

    private CallKey(bool vip, bool carriedOver, int effectivePriority, long enqueuedUtcTicks, Guid callId, int index)
    {
        this.vip = vip;
        this.carriedOver = carriedOver;
        this.effectivePriority = effectivePriority;
        this.enqueuedUtcTicks = enqueuedUtcTicks;
        this.callId = callId;
        Index = index;
    }

    public int Index { get; }

    public static CallKey Of(WaitingCall call, int index, PriorityAging? aging, DateTimeOffset now) =>
        new(call.Vip,
            call.CarriedOver,
            CallOrder.EffectivePriority(call.Priority, call.EnqueuedAt, aging, now),
            call.EnqueuedAt.UtcTicks,
            call.CallId,
            index);

    /// <summary>Negative when this call is offered before <paramref name="other"/>.</summary>
    public int CompareTo(CallKey other)
    {
        if (vip != other.vip)
        {
            return vip ? -1 : 1;
        }
        if (carriedOver != other.carriedOver)
        {
            return carriedOver ? -1 : 1;
        }
        if (effectivePriority != other.effectivePriority)
        {
            return effectivePriority > other.effectivePriority ? -1 : 1;
        }
        if (enqueuedUtcTicks != other.enqueuedUtcTicks)
        {
            return enqueuedUtcTicks < other.enqueuedUtcTicks ? -1 : 1;
        }
        return callId.CompareTo(other.callId);
    }
}

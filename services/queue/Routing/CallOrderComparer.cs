namespace Platform.Queue.Routing;

/// <summary><see cref="CallOrder"/> as an <see cref="IComparer{T}"/>: the call offered first compares lowest.</summary>
internal sealed class CallOrderComparer(PriorityAging? aging, DateTimeOffset now) : IComparer<WaitingCall>
{
    public int Compare(WaitingCall? x, WaitingCall? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }
        if (x is null)
        {
            return 1;
        }
        if (y is null)
        {
            return -1;
        }
        return CallKey.Of(x, 0, aging, now).CompareTo(CallKey.Of(y, 0, aging, now));
    }
}

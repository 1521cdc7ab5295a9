namespace Platform.Contracts.Queue;

/// <summary>
/// A call joined a queue (arrived, overflowed or was transferred into it). <paramref name="ServiceLevelSeconds"/> is the
/// queue's service-level threshold T when the publisher knows it (reporting counts answers within T).
/// <paramref name="CallerNumber"/> is the caller's number (E.164) on arrival, for the abandoned-caller list; null when the
/// call joins another queue (overflow, transfer) or the publisher predates it.
/// </summary>
public sealed record CallQueued(
    Guid TenantId, Guid CallId, Guid QueueId, Guid ProjectId, Guid? ContactId, bool Vip, int Priority, int Position,
    DateTimeOffset At, int? ServiceLevelSeconds = null, string? CallerNumber = null) : ITenantEvent;

namespace Platform.Contracts.Queue;

/// <summary>
/// A call joined a queue (arrived, overflowed or was transferred into it). <paramref name="ServiceLevelSeconds"/> is the
/// queue's service-level threshold T when the publisher knows it (reporting counts answers within T).
/// </summary>
public sealed record CallQueued(
    Guid TenantId, Guid CallId, Guid QueueId, Guid ProjectId, Guid? ContactId, bool Vip, int Priority, int Position,
    DateTimeOffset At, int? ServiceLevelSeconds = null) : ITenantEvent;

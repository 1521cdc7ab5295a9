namespace Platform.Contracts.Queue;

/// <summary>A call joined a queue (arrived, overflowed or was transferred into it).</summary>
public sealed record CallQueued(
    Guid TenantId, Guid CallId, Guid QueueId, Guid ProjectId, Guid? ContactId, bool Vip, int Priority, int Position,
    DateTimeOffset At) : ITenantEvent;

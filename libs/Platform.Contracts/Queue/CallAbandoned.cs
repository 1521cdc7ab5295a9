namespace Platform.Contracts.Queue;

/// <summary>The caller hung up before an agent answered.</summary>
public sealed record CallAbandoned(
    Guid TenantId, Guid CallId, Guid QueueId, Guid ProjectId, double WaitSeconds, DateTimeOffset At) : ITenantEvent;

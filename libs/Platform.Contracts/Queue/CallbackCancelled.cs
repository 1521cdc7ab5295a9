namespace Platform.Contracts.Queue;

/// <summary>A callback was called off before anyone called the caller back (the caller called again, or a supervisor cancelled it).</summary>
public sealed record CallbackCancelled(
    Guid TenantId, Guid CallId, Guid QueueId, Guid ProjectId, string Reason, DateTimeOffset At) : ITenantEvent;

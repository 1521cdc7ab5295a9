namespace Platform.Contracts.Queue;

/// <summary>A waiting caller left the line asking to be called back; the callback keeps the call's place.</summary>
public sealed record CallbackRequested(
    Guid TenantId, Guid CallId, Guid QueueId, Guid ProjectId, string CallbackNumber, DateTimeOffset At) : ITenantEvent;

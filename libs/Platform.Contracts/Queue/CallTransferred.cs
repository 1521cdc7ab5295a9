namespace Platform.Contracts.Queue;

/// <summary>An agent passed a call on, to another queue or to one agent, with its context.</summary>
public sealed record CallTransferred(
    Guid TenantId, Guid CallId, Guid FromQueueId, Guid FromAgentId, Guid ToQueueId, Guid? ToAgentId, DateTimeOffset At) : ITenantEvent;

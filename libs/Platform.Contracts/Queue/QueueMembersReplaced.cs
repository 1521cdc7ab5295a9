namespace Platform.Contracts.Queue;

/// <summary>A queue's member agents were replaced (the whole list): who works the queue, for its wallboard and agent list.</summary>
public sealed record QueueMembersReplaced(Guid TenantId, Guid QueueId, Guid[] AgentIds, DateTimeOffset At) : ITenantEvent;

namespace Platform.Contracts.Queue;

/// <summary>A waiting call was offered to an agent (several agents at once for a ring-all queue).</summary>
public sealed record CallOffered(
    Guid TenantId, Guid CallId, Guid QueueId, Guid ProjectId, Guid AgentId, DateTimeOffset ExpiresAt, DateTimeOffset At) : ITenantEvent;

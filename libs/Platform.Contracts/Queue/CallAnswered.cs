namespace Platform.Contracts.Queue;

/// <summary>
/// An agent accepted a call: the conversation starts (scripts open a session on it). <paramref name="AgentUserId"/> is
/// the user the agent signs in as, when linked.
/// </summary>
public sealed record CallAnswered(
    Guid TenantId, Guid CallId, Guid QueueId, Guid ProjectId, Guid AgentId, Guid? ContactId, double WaitSeconds,
    DateTimeOffset At, Guid? AgentUserId = null) : ITenantEvent;

namespace Platform.Contracts.Queue;

/// <summary>
/// A handled call is over, wrap-up included. Durations in seconds: waiting in queue until answered, talking
/// (hold included), on hold, and wrap-up after the conversation.
/// </summary>
public sealed record CallCompleted(
    Guid TenantId, Guid CallId, Guid QueueId, Guid ProjectId, Guid AgentId, Guid? ContactId,
    double WaitSeconds, double TalkSeconds, double HoldSeconds, double WrapUpSeconds, bool Callback,
    DateTimeOffset ArrivedAt, DateTimeOffset At) : ITenantEvent;

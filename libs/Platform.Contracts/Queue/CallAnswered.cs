namespace Platform.Contracts.Queue;

/// <summary>
/// An agent accepted a call: the conversation starts (scripts open a session on it). <paramref name="AgentUserId"/> is
/// the user the agent signs in as, when linked. <paramref name="ServiceLevelSeconds"/> is the queue's service-level threshold T
/// in force when the call was answered (reporting judges the answer by it, in a rebuild too). <paramref name="CampaignId"/>: the
/// campaign whose dial this person answered (an outbound call connected by the dialer, never queued): it is the campaign's,
/// not a figure of the queue's inbound service.
/// </summary>
public sealed record CallAnswered(
    Guid TenantId, Guid CallId, Guid QueueId, Guid ProjectId, Guid AgentId, Guid? ContactId, double WaitSeconds,
    DateTimeOffset At, Guid? AgentUserId = null, int? ServiceLevelSeconds = null, Guid? CampaignId = null) : ITenantEvent;

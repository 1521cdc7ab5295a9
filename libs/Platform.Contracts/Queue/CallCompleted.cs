namespace Platform.Contracts.Queue;

/// <summary>
/// A handled call is over, wrap-up included. Durations in seconds: waiting in queue until answered, talking
/// (hold included), on hold, and wrap-up after the conversation: handle time = TalkSeconds + WrapUpSeconds (talk net of
/// hold, plus hold, plus wrap-up). <paramref name="Holds"/>: how many times the agent put the caller on hold through the
/// platform's hold/resume (0 when the hold time was reported in one figure at the hang-up). <paramref name="CampaignId"/>: the
/// campaign whose dial the call was, while it stayed the campaign's (a transfer into a queue makes it that queue's call).
/// </summary>
public sealed record CallCompleted(
    Guid TenantId, Guid CallId, Guid QueueId, Guid ProjectId, Guid AgentId, Guid? ContactId,
    double WaitSeconds, double TalkSeconds, double HoldSeconds, double WrapUpSeconds, bool Callback,
    DateTimeOffset ArrivedAt, DateTimeOffset At, int Holds = 0, Guid? CampaignId = null) : ITenantEvent;

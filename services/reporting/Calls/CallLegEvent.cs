using Platform.Contracts;
using Platform.Contracts.Queue;

namespace Platform.Reporting.Calls;

/// <summary>
/// What one call event tells a call's record in one queue (its leg): plain data, so a batch's events are folded into each
/// record with one statement (<see cref="CallRecordProjection"/>). A transfer ends the agent's leg in the queue it came from.
/// </summary>
public sealed record CallLegEvent(
    Guid CallId, Guid QueueId, Guid? ProjectId, string Kind, DateTimeOffset At, DateTimeOffset? ArrivedAt = null, Guid? AgentId = null,
    Guid? ContactId = null, double? WaitSeconds = null, double? TalkSeconds = null, double? HoldSeconds = null, double? WrapUpSeconds = null,
    string? Direction = null, string? Number = null, Guid? OtherQueueId = null, int? ThresholdSeconds = null)
{
    public const string Queued = "queued", Answered = "answered", Abandoned = "abandoned", Completed = "completed",
        Callback = "callback", Overflowed = "overflowed", Transferred = "transferred";

    public static CallLegEvent? Of(ITenantEvent message) => message switch
    {
        CallQueued e => new(e.CallId, e.QueueId, e.ProjectId, Queued, e.At, e.At, ContactId: e.ContactId, Number: e.CallerNumber,
            ThresholdSeconds: e.ServiceLevelSeconds),
        CallAnswered e => new(e.CallId, e.QueueId, e.ProjectId, Answered, e.At, e.At.AddSeconds(-e.WaitSeconds), e.AgentId, e.ContactId,
            e.WaitSeconds, ThresholdSeconds: e.ServiceLevelSeconds),
        CallAbandoned e => new(e.CallId, e.QueueId, e.ProjectId, Abandoned, e.At, e.At.AddSeconds(-e.WaitSeconds), WaitSeconds: e.WaitSeconds,
            ThresholdSeconds: e.ServiceLevelSeconds),
        CallCompleted e => new(e.CallId, e.QueueId, e.ProjectId, Completed, e.At, e.ArrivedAt, e.AgentId, e.ContactId, e.WaitSeconds,
            e.TalkSeconds, e.HoldSeconds, e.WrapUpSeconds, e.Callback || e.CampaignId is not null ? CallDirection.Outbound : CallDirection.Inbound),
        CallbackRequested e => new(e.CallId, e.QueueId, e.ProjectId, Callback, e.At, Number: e.CallbackNumber),
        QueueOverflowed e => new(e.CallId, e.QueueId, null, Overflowed, e.At, OtherQueueId: e.ToQueueId),
        CallTransferred e => new(e.CallId, e.FromQueueId, null, Transferred, e.At, AgentId: e.FromAgentId, OtherQueueId: e.ToQueueId),
        _ => null,
    };
}

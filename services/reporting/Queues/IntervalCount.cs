using Platform.Contracts;
using Platform.Contracts.Queue;

namespace Platform.Reporting.Queues;

/// <summary>
/// What one call event adds to its queue's 15-minute row (by the event's own time): an offer, an answer or an abandon
/// after <paramref name="WaitSeconds"/> (judged against <paramref name="ThresholdSeconds"/>, the T in force carried on the event,
/// and an abandon against <paramref name="ShortAbandonSeconds"/>, the short-abandon threshold in force, when carried, and
/// <paramref name="ShortAbandonsExcluded"/>, whether the queue then left short abandons out of its abandonment rate),
/// or a handled call with its durations. Plain data, so a batch's counts can be summed into each row with one statement.
/// A campaign's call (answered and completed with its campaign) adds nothing: it never waited in the queue, which only lends
/// the campaign its wrap-up, and is counted in the campaign's report and its agent's figures instead.
/// </summary>
public sealed record IntervalCount(
    Guid QueueId, Guid ProjectId, DateTimeOffset At, string Kind, double WaitSeconds = 0, double TalkSeconds = 0, double HoldSeconds = 0,
    double WrapUpSeconds = 0, Guid CallId = default, int? ThresholdSeconds = null, int? ShortAbandonSeconds = null,
    bool? ShortAbandonsExcluded = null)
{
    public const string Offered = "offered", Answered = "answered", Abandoned = "abandoned", Handled = "handled";

    public static IntervalCount? Of(ITenantEvent message) => message switch
    {
        CallQueued e => new(e.QueueId, e.ProjectId, e.At, Offered, CallId: e.CallId),
        CallAnswered { CampaignId: not null } or CallCompleted { CampaignId: not null } => null,
        CallAnswered e => new(e.QueueId, e.ProjectId, e.At, Answered, e.WaitSeconds, CallId: e.CallId, ThresholdSeconds: e.ServiceLevelSeconds),
        CallAbandoned e => new(e.QueueId, e.ProjectId, e.At, Abandoned, e.WaitSeconds, CallId: e.CallId, ThresholdSeconds: e.ServiceLevelSeconds,
            ShortAbandonSeconds: e.ShortAbandonSeconds, ShortAbandonsExcluded: e.ShortAbandonsExcluded),
        CallCompleted e => new(e.QueueId, e.ProjectId, e.At, Handled, 0, e.TalkSeconds, e.HoldSeconds, e.WrapUpSeconds),
        _ => null,
    };
}

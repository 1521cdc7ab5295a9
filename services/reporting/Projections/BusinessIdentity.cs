using System.Globalization;
using Platform.Contracts;
using Platform.Contracts.Dialer;
using Platform.Contracts.Queue;
using Platform.Contracts.Scripts;

namespace Platform.Reporting.Projections;

/// <summary>
/// What makes an event the same event whatever its message id: the call and the kind of event (with the queue and moment for
/// those a call may have more than once: queued again after a transfer back), an agent's state change by its sequence.
/// Null for events counted by message id alone.
/// </summary>
public static class BusinessIdentity
{
    public static string? Of(ITenantEvent message) => message switch
    {
        CallQueued e => $"queued:{e.CallId}:{e.QueueId}:{Stamp(e.At)}",
        CallAnswered e => $"answered:{e.CallId}:{e.QueueId}:{Stamp(e.At)}",
        CallAbandoned e => $"abandoned:{e.CallId}",
        CallCompleted e => $"completed:{e.CallId}",
        CallbackRequested e => $"callback:{e.CallId}:{e.QueueId}:{Stamp(e.At)}",
        QueueOverflowed e => $"overflowed:{e.CallId}:{e.QueueId}:{Stamp(e.At)}",
        CallTransferred e => $"transferred:{e.CallId}:{e.FromQueueId}:{Stamp(e.At)}",
        OfferDeclined e => $"declined:{e.CallId}:{e.AgentId}:{Stamp(e.At)}",
        CallbackCarriedOver e => $"carried-over:{e.CallId}:{e.DaysCarried}:{Stamp(e.DueAt)}",
        CallbackCancelled e => $"callback-cancelled:{e.CallId}",
        DialOutEnded e => $"dial-out:{e.CallId}:{e.Purpose}:{e.Attempt}",
        AgentStateChanged { Sequence: > 0 } e => $"state:{e.AgentId}:{e.Sequence}",
        ScriptSessionCompleted e => $"script-session:{e.SessionId}",
        CampaignDialResulted e => $"campaign-dial:{e.DialId}",
        _ => null,
    };

    private static string Stamp(DateTimeOffset at) => at.UtcTicks.ToString(CultureInfo.InvariantCulture);
}

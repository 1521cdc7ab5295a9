using Platform.Contracts;
using Platform.Contracts.Contacts;
using Platform.Contracts.Dialer;
using Platform.Contracts.Projects;
using Platform.Contracts.Queue;
using Platform.Contracts.Scripts;
using Platform.Reporting.Agents;
using Platform.Reporting.Calls;
using Platform.Reporting.Campaigns;
using Platform.Reporting.Flows;
using Platform.Reporting.Kpis;
using Platform.Reporting.Projects;
using Platform.Reporting.Queues;
using Platform.Reporting.Satisfaction;
using Platform.Reporting.Scripts;
using Platform.ServiceDefaults.Database;

namespace Platform.Reporting.Projections;

/// <summary>Which projections an event feeds, and the event's own time (what it is counted by).</summary>
public static class Projector
{
    /// <summary>
    /// Applies events in the order given: each one's own rows (the queue and its waiting calls, agents, days, plans,
    /// funnels), then the calls' counts summed into their queues' 15-minute rows with one statement, and their call detail records
    /// folded with another.
    /// </summary>
    public static async Task ApplyAsync(TenantSession session, IReadOnlyList<ITenantEvent> events, CancellationToken ct)
    {
        var zones = await ProjectZones.LoadAsync(session, ct);
        foreach (var message in events)
        {
            await ApplyRowsAsync(session, message, zones, ct);
            if (message is ProjectCreated created)
            {
                zones.Add(created);
            }
        }
        // The most frequent events' rows, a statement per batch rather than per event:
        await AgentProjection.StateChangedAsync(session, events.OfType<AgentStateChanged>().ToList(), ct);
        await QueueProjection.LeftLinesAsync(session, events.Select(e => e switch
        {
            CallAnswered a => (a.CallId, a.QueueId, a.ProjectId, a.At, a.WaitSeconds),
            CallAbandoned a => (a.CallId, a.QueueId, a.ProjectId, a.At, a.WaitSeconds),
            _ => ((Guid, Guid, Guid, DateTimeOffset, double)?)null,
        }).OfType<(Guid, Guid, Guid, DateTimeOffset, double)>().ToList(), ct);
        await QueueProjection.CountAsync(session, events.Select(IntervalCount.Of).OfType<IntervalCount>().ToList(), ct);
        await CallRecordProjection.FoldAsync(session, events.Select(CallLegEvent.Of).OfType<CallLegEvent>().ToList(), ct);
        await QueueFlowProjection.RecordAsync(session, events.SelectMany(QueueFlowProjection.Of).ToList(), ct);
    }

    /// <summary>An event's own rows; days are the project's (projects' figures) or the call center's (its people's).</summary>
    private static Task ApplyRowsAsync(TenantSession session, ITenantEvent message, ProjectZones zones, CancellationToken ct) => message switch
    {
        CallQueued e => QueueProjection.QueuedAsync(session, e, ct),
        CallbackRequested e => QueueProjection.CallbackAsync(session, e, ct),
        QueueConfigured e => QueueSetup.ConfiguredAsync(session, e, ct),
        QueueMembersReplaced e => QueueSetup.MembersReplacedAsync(session, e, ct),
        QueueOverflowed e => QueueProjection.LeftLineAsync(session, e.CallId, e.QueueId, e.At, ct),
        CallCompleted e => AgentProjection.CallCompletedAsync(session, e, ReportingDay.DayOf(e.At, zones.Home), ct),
        AgentChanged e => AgentProjection.ChangedAsync(session, e, ct),
        CallOutcomeRecorded e => OutcomeProjection.RecordedAsync(session, e, ReportingDay.DayOf(e.RecordedAt, zones.Home),
            ReportingDay.DayOf(e.RecordedAt, zones.Of(e.ProjectId)), ct),
        DailyPlanDrawn e => AgentProjection.PlanDrawnAsync(session, e, ct),
        ProjectCreated e => ProjectProjection.CreatedAsync(session, e, ct),
        ProjectUpdated e => ProjectProjection.UpdatedAsync(session, e, ct),
        ComplaintOpened e => ProjectProjection.CountAsync(session, e.ProjectId, ReportingDay.DayOf(e.At, zones.Of(e.ProjectId)), "complaints_opened", ct),
        ComplaintResolved e => ProjectProjection.CountAsync(session, e.ProjectId, ReportingDay.DayOf(e.At, zones.Of(e.ProjectId)), "complaints_resolved", ct),
        OrderPlaced e => ProjectProjection.CountAsync(session, e.ProjectId, ReportingDay.DayOf(e.At, zones.Of(e.ProjectId)), "orders", ct),
        ScriptSessionCompleted e => ScriptSessionAsync(session, e, ct),
        CampaignDialResulted e => CampaignDialProjection.ResultedAsync(session, e, ct),
        _ => Task.CompletedTask,
    };

    private static async Task ScriptSessionAsync(TenantSession session, ScriptSessionCompleted e, CancellationToken ct)
    {
        await ScriptProjection.CompletedAsync(session, e, ct);
        await SatisfactionProjection.CompletedAsync(session, e, ct);
    }

    /// <summary>
    /// The order a batch applies its events in, so that concurrent batches (of other event types) lock shared rows in one
    /// order: a call's waiting row by its call id (the queues' interval rows are taken afterwards, in their own order).
    /// </summary>
    public static Guid LockOrder(ITenantEvent message) => message switch
    {
        CallQueued e => e.CallId,
        CallAnswered e => e.CallId,
        CallAbandoned e => e.CallId,
        CallbackRequested e => e.CallId,
        QueueOverflowed e => e.CallId,
        CallCompleted e => e.CallId,
        _ => Guid.Empty,
    };

    public static DateTimeOffset OccurredAt(ITenantEvent message) => message switch
    {
        CallQueued e => e.At,
        CallAnswered e => e.At,
        CallAbandoned e => e.At,
        CallbackRequested e => e.At,
        QueueOverflowed e => e.At,
        CallCompleted e => e.At,
        CallOffered e => e.At,
        CallTransferred e => e.At,
        OfferDeclined e => e.At,
        CallbackCarriedOver e => e.At,
        CallbackCancelled e => e.At,
        DialOutEnded e => e.At,
        AgentChanged e => e.At,
        AgentStateChanged e => e.At,
        QueueConfigured e => e.At,
        QueueMembersReplaced e => e.At,
        CallOutcomeRecorded e => e.RecordedAt,
        DailyPlanDrawn e => e.DrawnAt,
        ProjectCreated e => e.CreatedAt,
        ProjectUpdated e => e.UpdatedAt,
        ComplaintOpened e => e.At,
        ComplaintResolved e => e.At,
        OrderPlaced e => e.At,
        ScriptSessionCompleted e => e.At,
        CampaignDialResulted e => e.At,
        _ => throw new InvalidOperationException($"Reporting does not know when a {message.GetType().Name} happened."),
    };
}

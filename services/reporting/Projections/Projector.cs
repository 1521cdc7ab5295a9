using Platform.Contracts;
using Platform.Contracts.Contacts;
using Platform.Contracts.Projects;
using Platform.Contracts.Queue;
using Platform.Contracts.Scripts;
using Platform.Reporting.Agents;
using Platform.Reporting.Projects;
using Platform.Reporting.Queues;
using Platform.Reporting.Scripts;
using Platform.ServiceDefaults.Database;

namespace Platform.Reporting.Projections;

/// <summary>Which projections an event feeds, and the event's own time (what it is counted by).</summary>
public static class Projector
{
    public static Task ApplyAsync(TenantSession session, ITenantEvent message, CancellationToken ct) => message switch
    {
        CallQueued e => QueueProjection.QueuedAsync(session, e, ct),
        CallAnswered e => QueueProjection.AnsweredAsync(session, e, ct),
        CallAbandoned e => QueueProjection.AbandonedAsync(session, e, ct),
        CallbackRequested e => QueueProjection.LeftLineAsync(session, e.CallId, e.QueueId, e.At, ct),
        QueueOverflowed e => QueueProjection.LeftLineAsync(session, e.CallId, e.QueueId, e.At, ct),
        CallCompleted e => CompletedAsync(session, e, ct),
        AgentChanged e => AgentProjection.ChangedAsync(session, e, ct),
        AgentStateChanged e => AgentProjection.StateChangedAsync(session, e, ct),
        CallOutcomeRecorded e => OutcomeProjection.RecordedAsync(session, e, ct),
        DailyPlanDrawn e => AgentProjection.PlanDrawnAsync(session, e, ct),
        ProjectCreated e => ProjectProjection.CreatedAsync(session, e, ct),
        ProjectUpdated e => ProjectProjection.UpdatedAsync(session, e, ct),
        ComplaintOpened e => ProjectProjection.CountAsync(session, e.ProjectId, e.At, "complaints_opened", ct),
        ComplaintResolved e => ProjectProjection.CountAsync(session, e.ProjectId, e.At, "complaints_resolved", ct),
        OrderPlaced e => ProjectProjection.CountAsync(session, e.ProjectId, e.At, "orders", ct),
        ScriptSessionCompleted e => ScriptProjection.CompletedAsync(session, e, ct),
        _ => Task.CompletedTask,
    };

    private static async Task CompletedAsync(TenantSession session, CallCompleted e, CancellationToken ct)
    {
        await QueueProjection.CompletedAsync(session, e, ct);
        await AgentProjection.CallCompletedAsync(session, e, ct);
    }

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
        AgentChanged e => e.At,
        AgentStateChanged e => e.At,
        CallOutcomeRecorded e => e.RecordedAt,
        DailyPlanDrawn e => e.DrawnAt,
        ProjectCreated e => e.CreatedAt,
        ProjectUpdated e => e.UpdatedAt,
        ComplaintOpened e => e.At,
        ComplaintResolved e => e.At,
        OrderPlaced e => e.At,
        ScriptSessionCompleted e => e.At,
        _ => throw new InvalidOperationException($"Reporting does not know when a {message.GetType().Name} happened."),
    };
}

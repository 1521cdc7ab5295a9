using Platform.Contracts;
using Platform.Contracts.Queue;
using Platform.Reporting.Kpis;
using Platform.ServiceDefaults.Database;

namespace Platform.Reporting.Flows;

/// <summary>
/// A batch's transfers, overflows, declined offers and callback events as rows of <c>queue_flows</c>, with one statement: a
/// transfer or an overflow counts out of its queue and into its target, an overflow without a target is a refusal.
/// </summary>
public static class QueueFlowProjection
{
    public sealed record Flow(Guid QueueId, Guid CallId, string Kind, DateTimeOffset At, Guid? OtherQueueId = null, Guid? AgentId = null);

    public static IEnumerable<Flow> Of(ITenantEvent message) => message switch
    {
        CallTransferred e => e.ToAgentId is { } agent
            ? [new(e.FromQueueId, e.CallId, QueueFlow.TransferredOut, e.At, e.ToQueueId, e.FromAgentId),
               new(e.FromQueueId, e.CallId, QueueFlow.TransferredToAgent, e.At, e.ToQueueId, agent),
               new(e.ToQueueId, e.CallId, QueueFlow.TransferredIn, e.At, e.FromQueueId, agent)]
            : [new(e.FromQueueId, e.CallId, QueueFlow.TransferredOut, e.At, e.ToQueueId, e.FromAgentId),
               new(e.ToQueueId, e.CallId, QueueFlow.TransferredIn, e.At, e.FromQueueId)],
        QueueOverflowed { ToQueueId: { } to } e => [new(e.QueueId, e.CallId, QueueFlow.OverflowedOut, e.At, to), new(to, e.CallId, QueueFlow.OverflowedIn, e.At, e.QueueId)],
        QueueOverflowed e => [new(e.QueueId, e.CallId, QueueFlow.Refused, e.At)],
        OfferDeclined e => [new(e.QueueId, e.CallId, QueueFlow.OfferDeclined, e.At, AgentId: e.AgentId)],
        CallbackRequested e => [new(e.QueueId, e.CallId, QueueFlow.CallbackRequested, e.At)],
        CallbackCarriedOver e => [new(e.QueueId, e.CallId, QueueFlow.CallbackCarriedOver, e.At)],
        CallbackCancelled e => [new(e.QueueId, e.CallId, QueueFlow.CallbackCancelled, e.At)],
        DialOutEnded e when QueueFlow.OfDialOut(e.Purpose, e.Result, e.Final, e.RetryAt) is { } kind => [new(e.QueueId, e.CallId, kind, e.At, AgentId: e.AgentId)],
        _ => [],
    };

    public static Task RecordAsync(TenantSession session, IReadOnlyList<Flow> flows, CancellationToken ct)
    {
        if (flows.Count == 0)
        {
            return Task.CompletedTask;
        }
        const string sql = """
            INSERT INTO queue_flows (tenant_id, queue_id, call_id, kind, at, other_queue_id, agent_id)
            SELECT @TenantId, f.queue_id, f.call_id, f.kind, f.at, f.other, f.agent
            FROM unnest(@Queues, @Calls, @Kinds, @Ats, @Others, @Agents) AS f(queue_id, call_id, kind, at, other, agent)
            ORDER BY f.queue_id, f.call_id, f.kind, f.at
            ON CONFLICT DO NOTHING
            """;
        return session.ExecuteAsync(sql, new
        {
            session.TenantId, Queues = flows.Select(f => f.QueueId).ToArray(), Calls = flows.Select(f => f.CallId).ToArray(),
            Kinds = flows.Select(f => f.Kind).ToArray(), Ats = flows.Select(f => f.At).ToArray(),
            Others = flows.Select(f => f.OtherQueueId).ToArray(), Agents = flows.Select(f => f.AgentId).ToArray(),
        }, ct);
    }
}

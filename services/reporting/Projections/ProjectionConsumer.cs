using MassTransit;
using Npgsql;
using Platform.Contracts;
using Platform.Reporting.Live;
using Platform.ServiceDefaults.Database;

namespace Platform.Reporting.Projections;

/// <summary>
/// Counts events into reporting's projections, once per message id, a batch at a time (see
/// <see cref="ProjectionConsumerDefinition{TConsumer}"/>): per tenant of the batch one transaction holds the inbox rows,
/// the raw events in <c>event_log</c> (for rebuilds and recounts), the projections' changes and one nudge to the
/// wallboards. A message already in the inbox (a second delivery, or twice in one batch) changes nothing. One commit
/// per batch instead of one per event is what lets reporting keep up with 1,000 events/s (bench/README.md).
/// </summary>
public abstract class ProjectionConsumer<T>(NpgsqlDataSource dataSource) : IConsumer<Batch<T>> where T : class, ITenantEvent
{
    public async Task Consume(ConsumeContext<Batch<T>> context)
    {
        var ct = context.CancellationToken;
        var events = context.Message.Select(m => (
            MessageId: m.MessageId ?? throw new InvalidOperationException($"A {typeof(T).Name} arrived without a message id; the inbox cannot dedupe it."),
            m.Message)).ToList();
        foreach (var tenant in events.GroupBy(e => e.Message.TenantId))
        {
            await using var session = await dataSource.BeginTenantSessionAsync(tenant.Key, ct);
            var fresh = await InboxAsync(session, tenant.ToList(), ct);
            if (fresh.Count == 0)
            {
                continue;
            }
            await EventLog.AppendAsync(session, fresh, ct);
            await LiveNudge.SendAsync(session, ct); // delivered at commit all the same
            // Last: the projections lock rows that concurrent batches of other event types also update (a call's waiting
            // row, a queue's interval rows), in one order so that two batches never deadlock.
            await Projector.ApplyAsync(session, fresh.Select(e => e.Message).OrderBy(Projector.LockOrder).ToList(), ct);
            await session.CommitAsync(ct);
        }
    }

    /// <summary>Records the batch's messages in the inbox; answers those not seen before (each once).</summary>
    private async Task<List<(Guid MessageId, ITenantEvent Message)>> InboxAsync(
        TenantSession session, List<(Guid MessageId, T Message)> events, CancellationToken ct)
    {
        const string inbox = """
            INSERT INTO inbox_messages (consumer, message_id, tenant_id)
            SELECT @Consumer, id, @TenantId FROM unnest(@Ids) AS id
            ON CONFLICT DO NOTHING
            RETURNING message_id
            """;
        var ids = events.Select(e => e.MessageId).Distinct().ToArray();
        var fresh = (await session.QueryAsync<Guid>(inbox, new { Consumer = GetType().FullName, Ids = ids, session.TenantId }, ct)).ToHashSet();
        return events.Where(e => fresh.Remove(e.MessageId)).Select(e => (e.MessageId, (ITenantEvent)e.Message)).ToList();
    }
}

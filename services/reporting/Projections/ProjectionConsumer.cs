using MassTransit;
using Npgsql;
using Platform.Contracts;
using Platform.Reporting.Live;
using Platform.ServiceDefaults.Database;

namespace Platform.Reporting.Projections;

/// <summary>
/// Counts events into reporting's projections, once per message id and once per business identity
/// (<see cref="BusinessIdentity"/>), a batch at a time (see <see cref="ProjectionConsumerDefinition{TConsumer}"/>): per
/// tenant of the batch one transaction holds the inbox rows, the raw events in <c>event_log</c> (for rebuilds and
/// recounts), the projections' changes and one nudge to the wallboards. A message already seen (a second delivery, twice in
/// one batch, or re-emitted under a new id) changes nothing. One commit per batch instead of one per event is what lets
/// reporting keep up with 1,000 events/s (bench/README.md).
/// <para>
/// One bad event fails alone: when a tenant's part of a batch fails for a reason a retry would not cure (not a lost
/// connection, a deadlock or a timeout: those fail the batch, which MassTransit retries), its messages are counted one by
/// one, each in its own transaction, and a message that still fails is parked in <c>parked_events</c> with the reason.
/// The other messages and the other tenants' are counted.
/// </para>
/// </summary>
public abstract class ProjectionConsumer<T>(NpgsqlDataSource dataSource, ILoggerFactory logs) : IConsumer<Batch<T>> where T : class, ITenantEvent
{
    private readonly ILogger log = logs.CreateLogger(typeof(ProjectionConsumer<T>).FullName!.Split('`')[0] + "." + typeof(T).Name);

    public async Task Consume(ConsumeContext<Batch<T>> context)
    {
        var ct = context.CancellationToken;
        var events = context.Message.Select(m => (
            MessageId: m.MessageId ?? throw new InvalidOperationException($"A {typeof(T).Name} arrived without a message id; the inbox cannot dedupe it."),
            m.Message)).ToList();
        foreach (var tenant in events.GroupBy(e => e.Message.TenantId))
        {
            var batch = tenant.ToList();
            try
            {
                await ProjectAsync(tenant.Key, batch, ct);
            }
            catch (Exception failure) when (Cured(failure, ct) is false)
            {
                foreach (var one in batch)
                {
                    try
                    {
                        await ProjectAsync(tenant.Key, [one], ct);
                    }
                    catch (Exception bad) when (Cured(bad, ct) is false)
                    {
                        await ParkAsync(tenant.Key, one, bad, ct);
                    }
                }
            }
        }
    }

    /// <summary>Whether retrying the same work could succeed (false: the message itself is at fault).</summary>
    private static bool Cured(Exception e, CancellationToken ct) =>
        ct.IsCancellationRequested || e is OperationCanceledException or TimeoutException || e is NpgsqlException { IsTransient: true };

    private async Task ProjectAsync(Guid tenantId, List<(Guid MessageId, T Message)> events, CancellationToken ct)
    {
        await using var session = await dataSource.BeginTenantSessionAsync(tenantId, ct);
        var fresh = await InboxAsync(session, events, ct);
        fresh = await IdentitiesAsync(session, fresh, ct);
        if (fresh.Count == 0)
        {
            await session.CommitAsync(ct); // the inbox rows of messages seen under other ids
            return;
        }
        await EventLog.AppendAsync(session, fresh, ct);
        await LiveNudge.SendAsync(session, ct); // delivered at commit all the same
        // Last: the projections lock rows that concurrent batches of other event types also update (a call's waiting
        // row, a queue's interval rows), in one order so that two batches never deadlock.
        await Projector.ApplyAsync(session, fresh.Select(e => e.Message).OrderBy(Projector.LockOrder).ToList(), ct);
        await session.CommitAsync(ct);
    }

    private async Task ParkAsync(Guid tenantId, (Guid MessageId, T Message) bad, Exception reason, CancellationToken ct)
    {
        log.LogWarning("Parked {MessageType} {MessageId} of tenant {TenantId}: {Reason}", typeof(T).Name, bad.MessageId, tenantId, reason.Message);
        const string sql = """
            INSERT INTO parked_events (tenant_id, message_id, message_type, body, error)
            VALUES (@TenantId, @MessageId, @Type, CAST(@Body AS jsonb), @Error)
            ON CONFLICT (tenant_id, message_id, message_type) DO UPDATE SET error = EXCLUDED.error, parked_at = now()
            """;
        await using var session = await dataSource.BeginTenantSessionAsync(tenantId, ct);
        await session.ExecuteAsync(sql, new
        {
            session.TenantId, bad.MessageId, Type = typeof(T).FullName, Body = System.Text.Json.JsonSerializer.Serialize(bad.Message, EventLog.Json),
            Error = $"{reason.GetType().Name}: {reason.Message}",
        }, ct);
        await session.CommitAsync(ct);
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

    /// <summary>Keeps the events whose business identity was not seen before (under any message id); events without one pass.</summary>
    private static async Task<List<(Guid MessageId, ITenantEvent Message)>> IdentitiesAsync(
        TenantSession session, List<(Guid MessageId, ITenantEvent Message)> events, CancellationToken ct)
    {
        var keyed = events.Select(e => (Event: e, Identity: BusinessIdentity.Of(e.Message))).ToList();
        var withIdentity = keyed.Where(k => k.Identity is not null).ToList();
        if (withIdentity.Count == 0)
        {
            return events;
        }
        const string sql = """
            INSERT INTO event_identities (tenant_id, identity, message_id)
            SELECT @TenantId, i.identity, i.message_id FROM unnest(@Identities, @Ids) AS i(identity, message_id)
            ON CONFLICT DO NOTHING
            RETURNING message_id
            """;
        var fresh = (await session.QueryAsync<Guid>(sql, new
        {
            session.TenantId, Identities = withIdentity.Select(k => k.Identity!).ToArray(), Ids = withIdentity.Select(k => k.Event.MessageId).ToArray(),
        }, ct)).ToHashSet();
        return keyed.Where(k => k.Identity is null || fresh.Contains(k.Event.MessageId)).Select(k => k.Event).ToList();
    }
}

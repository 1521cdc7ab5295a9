using MassTransit;
using Npgsql;
using Platform.Contracts;
using Platform.Reporting.Erasure;
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
        await ProjectionWrite.CountAsync(session, GetType().FullName!, events.Select(e => (e.MessageId, (ITenantEvent)e.Message)).ToList(), ct);
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
        await ErasureLock.SharedAsync(session, ct);
        await session.ExecuteAsync(sql, new
        {
            session.TenantId, bad.MessageId, Type = typeof(T).FullName, Body = System.Text.Json.JsonSerializer.Serialize(bad.Message, EventLog.Json),
            Error = $"{reason.GetType().Name}: {reason.Message}",
        }, ct);
        await session.CommitAsync(ct);
    }
}

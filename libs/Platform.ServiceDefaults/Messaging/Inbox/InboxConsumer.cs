using MassTransit;
using Npgsql;
using Platform.Contracts;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Telemetry;

namespace Platform.ServiceDefaults.Messaging.Inbox;

/// <summary>
/// A consumer whose effect happens once per message id. The inbox row and the consumer's writes (and any
/// events it publishes through the outbox) commit in one transaction of the message's own tenant; a second
/// delivery of the same message finds the row and changes nothing. Two deliveries at once serialise on the
/// inbox row's primary key.
/// </summary>
public abstract class InboxConsumer<T>(NpgsqlDataSource dataSource) : IConsumer<T>
    where T : class, ITenantEvent
{
    public async Task Consume(ConsumeContext<T> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(T).Name} arrived without a message id; the inbox cannot dedupe it.");
        var cancellationToken = context.CancellationToken;
        if (context.SentTime is { } sent)
        {
            // From the relay's publish to this consumer: the queue's backlog as its messages feel it (the outbox's own wait is
            // platform.outbox.oldest_pending_seconds).
            PlatformTelemetry.ConsumerLag.Record(Math.Max(0, (DateTime.UtcNow - sent).TotalSeconds), new KeyValuePair<string, object?>("consumer", GetType().Name));
        }
        await using var session = await dataSource.BeginTenantSessionAsync(context.Message.TenantId, cancellationToken);
        const string sql = """
            INSERT INTO inbox_messages (consumer, message_id, tenant_id)
            VALUES (@Consumer, @MessageId, @TenantId)
            ON CONFLICT DO NOTHING
            """;
        var first = await session.ExecuteAsync(sql, new { Consumer = GetType().FullName, MessageId = messageId, context.Message.TenantId }, cancellationToken);
        if (first == 0)
        {
            return;
        }
        await HandleAsync(context.Message, session, cancellationToken);
        await session.CommitAsync(cancellationToken);
    }

    /// <summary>Applies the message inside the tenant's transaction. Do not commit: the base class does.</summary>
    protected abstract Task HandleAsync(T message, TenantSession session, CancellationToken cancellationToken);
}

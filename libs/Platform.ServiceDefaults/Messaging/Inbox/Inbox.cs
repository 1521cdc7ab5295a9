using MassTransit;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Telemetry;

namespace Platform.ServiceDefaults.Messaging.Inbox;

/// <summary>The inbox both consumer kinds share: which messages a consumer has not applied yet, claimed in the tenant's transaction.</summary>
internal static class Inbox
{
    /// <summary>
    /// Claims the message ids for the consumer and returns those it had not seen (a second delivery, or an id twice in the
    /// list, is not returned). The claim commits with the consumer's writes; two deliveries at once serialise on the row's key.
    /// </summary>
    public static async Task<HashSet<Guid>> ClaimAsync(TenantSession session, string consumer, IEnumerable<Guid> messageIds, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO inbox_messages (consumer, message_id, tenant_id)
            SELECT @Consumer, id, @TenantId FROM unnest(@Ids) AS id
            ON CONFLICT DO NOTHING
            RETURNING message_id
            """;
        var ids = messageIds.Distinct().ToArray();
        return (await session.QueryAsync<Guid>(sql, new { Consumer = consumer, Ids = ids, session.TenantId }, ct)).ToHashSet();
    }

    /// <summary>From the relay's publish to this consumer: the queue's backlog as its messages feel it (the outbox's own wait is platform.outbox.oldest_pending_seconds).</summary>
    public static void RecordLag(ConsumeContext context, string consumer)
    {
        if (context.SentTime is { } sent)
        {
            PlatformTelemetry.ConsumerLag.Record(Math.Max(0, (DateTime.UtcNow - sent).TotalSeconds), new KeyValuePair<string, object?>("consumer", consumer));
        }
    }

    public static Guid MessageIdOf<T>(Guid? messageId) =>
        messageId ?? throw new InvalidOperationException($"A {typeof(T).Name} arrived without a message id; the inbox cannot dedupe it.");
}

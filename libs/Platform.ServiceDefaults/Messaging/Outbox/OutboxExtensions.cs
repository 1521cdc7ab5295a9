using System.Diagnostics;
using System.Text.Json;
using Platform.Contracts;
using Platform.ServiceDefaults.Database;

namespace Platform.ServiceDefaults.Messaging.Outbox;

public static class OutboxExtensions
{
    internal const string Channel = "platform_outbox";

    /// <summary>
    /// Puts an event in the outbox, inside the session's transaction: it is published if and only if the
    /// transaction commits. <c>pg_notify</c> is transactional too, so the relay of every replica wakes up
    /// the moment the commit lands, not at its next poll.
    /// </summary>
    public static async Task PublishAsync<T>(this TenantSession session, T message, CancellationToken cancellationToken)
        where T : class, ITenantEvent
    {
        if (message.TenantId != session.TenantId)
        {
            throw new InvalidOperationException($"A {typeof(T).Name} of tenant {message.TenantId} cannot be published in a session of tenant {session.TenantId}.");
        }
        const string sql = """
            INSERT INTO outbox_messages (message_id, tenant_id, message_type, body, trace_parent)
            VALUES (@MessageId, @TenantId, @MessageType, CAST(@Body AS jsonb), @TraceParent);
            SELECT pg_notify('platform_outbox', '');
            """;
        await session.ExecuteAsync(sql, new
        {
            MessageId = Guid.CreateVersion7(),
            message.TenantId,
            MessageType = ContractTypes.NameOf(typeof(T)),
            Body = JsonSerializer.Serialize(message, ContractTypes.JsonOptions),
            TraceParent = Activity.Current?.Id,
        }, cancellationToken);
    }
}

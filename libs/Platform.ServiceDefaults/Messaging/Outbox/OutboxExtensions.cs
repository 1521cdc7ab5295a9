using System.Diagnostics;
using System.Text.Json;
using Platform.Contracts;
using Platform.ServiceDefaults.Database;

namespace Platform.ServiceDefaults.Messaging.Outbox;

public static class OutboxExtensions
{
    internal const string Channel = "platform_outbox";

    /// <summary>
    /// Puts an event in the outbox of the session's transaction: it is published if and only if the transaction commits.
    /// The session keeps it until <see cref="TenantSession.CommitAsync"/>, which writes the unit of work's events in one
    /// statement with a <c>pg_notify</c>; NOTIFY is transactional too, so the relay of every replica wakes up the moment the
    /// commit lands, not at its next poll. The body is serialised now: later changes to <paramref name="message"/> do not count.
    /// </summary>
    public static Task PublishAsync<T>(this TenantSession session, T message, CancellationToken cancellationToken)
        where T : class, ITenantEvent
    {
        if (message.TenantId != session.TenantId)
        {
            throw new InvalidOperationException($"A {typeof(T).Name} of tenant {message.TenantId} cannot be published in a session of tenant {session.TenantId}.");
        }
        cancellationToken.ThrowIfCancellationRequested();
        session.Outbox.Add(ContractTypes.NameOf(typeof(T)), JsonSerializer.Serialize(message, ContractTypes.JsonOptions), Activity.Current?.Id);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Many events of one type in one statement (a batch of an import), on the same terms as <see cref="PublishAsync{T}"/>
    /// but in the bulk lane: the relay publishes them after every pending interactive event.
    /// </summary>
    public static async Task PublishManyAsync<T>(this TenantSession session, IReadOnlyCollection<T> messages, CancellationToken cancellationToken)
        where T : class, ITenantEvent
    {
        if (messages.Count == 0)
        {
            return;
        }
        if (messages.Any(m => m.TenantId != session.TenantId))
        {
            throw new InvalidOperationException($"Every {typeof(T).Name} must be of the session's tenant {session.TenantId}.");
        }
        const string sql = """
            INSERT INTO outbox_messages (message_id, tenant_id, message_type, body, trace_parent, bulk)
            SELECT id, @TenantId, @MessageType, CAST(body AS jsonb), @TraceParent, true FROM unnest(@Ids, @Bodies) AS m(id, body);
            SELECT pg_notify('platform_outbox', '');
            """;
        await session.ExecuteAsync(sql, new
        {
            session.TenantId,
            MessageType = ContractTypes.NameOf(typeof(T)),
            TraceParent = Activity.Current?.Id,
            Ids = messages.Select(_ => Guid.CreateVersion7()).ToArray(),
            Bodies = messages.Select(m => JsonSerializer.Serialize(m, ContractTypes.JsonOptions)).ToArray(),
        }, cancellationToken);
    }
}

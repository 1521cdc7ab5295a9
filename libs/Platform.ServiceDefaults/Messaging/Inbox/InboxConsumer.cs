using MassTransit;
using Npgsql;
using Platform.Contracts;
using Platform.ServiceDefaults.Database;

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
        var messageId = Inbox.MessageIdOf<T>(context.MessageId);
        var cancellationToken = context.CancellationToken;
        Inbox.RecordLag(context, GetType().Name);
        await using var session = await dataSource.BeginTenantSessionAsync(context.Message.TenantId, cancellationToken);
        if ((await Inbox.ClaimAsync(session, GetType().FullName!, [messageId], cancellationToken)).Count == 0)
        {
            return;
        }
        await HandleAsync(context.Message, session, cancellationToken);
        await session.CommitAsync(cancellationToken);
    }

    /// <summary>Applies the message inside the tenant's transaction. Do not commit: the base class does.</summary>
    protected abstract Task HandleAsync(T message, TenantSession session, CancellationToken cancellationToken);
}

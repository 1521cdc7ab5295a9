using MassTransit;
using Npgsql;
using Platform.Contracts;
using Platform.ServiceDefaults.Database;

namespace Platform.ServiceDefaults.Messaging.Inbox;

/// <summary>
/// An <see cref="InboxConsumer{T}"/> that takes its messages a batch at a time (see
/// <see cref="BatchInboxConsumerDefinition{TConsumer}"/>): per tenant of the batch, one transaction holds the inbox rows
/// and the consumer's writes, so an import of 100,000 contacts is a few thousand transactions, not 100,000. A message
/// already seen (a second delivery, or twice in one batch) changes nothing; <see cref="HandleAsync"/> gets only the
/// messages not seen before, in the order they arrived.
/// <para>
/// When a tenant's part of a batch fails for a reason a retry would not cure, its messages are handled one by one,
/// each in its own transaction, so the good ones are applied; the first that still fails fails the batch (retried, then
/// the endpoint's <c>_error</c> queue, where a replay changes nothing of what was applied: the inbox remembers it).
/// </para>
/// </summary>
public abstract class BatchInboxConsumer<T>(NpgsqlDataSource dataSource) : IConsumer<Batch<T>> where T : class, ITenantEvent
{
    public async Task Consume(ConsumeContext<Batch<T>> context)
    {
        var ct = context.CancellationToken;
        foreach (var message in context.Message)
        {
            Inbox.RecordLag(message, GetType().Name);
        }
        var messages = context.Message.Select(m => (MessageId: Inbox.MessageIdOf<T>(m.MessageId), m.Message)).ToList();
        foreach (var tenant in messages.GroupBy(m => m.Message.TenantId))
        {
            var batch = tenant.ToList();
            try
            {
                await ApplyAsync(tenant.Key, batch, ct);
            }
            catch (Exception failure) when (!Cured(failure, ct) && batch.Count > 1)
            {
                foreach (var one in batch)
                {
                    await ApplyAsync(tenant.Key, [one], ct);
                }
            }
        }
    }

    /// <summary>Applies the messages inside the tenant's transaction (each once, in arrival order). Do not commit: the base class does.</summary>
    protected abstract Task HandleAsync(IReadOnlyList<T> messages, TenantSession session, CancellationToken cancellationToken);

    private static bool Cured(Exception e, CancellationToken ct) =>
        ct.IsCancellationRequested || e is OperationCanceledException or TimeoutException || e is NpgsqlException { IsTransient: true };

    private async Task ApplyAsync(Guid tenantId, List<(Guid MessageId, T Message)> batch, CancellationToken ct)
    {
        await using var session = await dataSource.BeginTenantSessionAsync(tenantId, ct);
        var fresh = await Inbox.ClaimAsync(session, GetType().FullName!, batch.Select(m => m.MessageId), ct);
        var messages = batch.Where(m => fresh.Remove(m.MessageId)).Select(m => m.Message).ToList();
        if (messages.Count > 0)
        {
            await HandleAsync(messages, session, ct);
        }
        await session.CommitAsync(ct);
    }
}

using MassTransit;
using Npgsql;
using Platform.Contracts;
using Platform.Reporting.Live;
using Platform.ServiceDefaults.Database;

namespace Platform.Reporting.Projections;

/// <summary>
/// Counts one event into reporting's projections, once per message id: the inbox row, the raw event in
/// <c>event_log</c> (for rebuilds and recounts), the projections' changes and a nudge to the wallboards all commit in
/// one transaction of the event's tenant. A second delivery finds the inbox row and changes nothing.
/// </summary>
public abstract class ProjectionConsumer<T>(NpgsqlDataSource dataSource) : IConsumer<T> where T : class, ITenantEvent
{
    public async Task Consume(ConsumeContext<T> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(T).Name} arrived without a message id; the inbox cannot dedupe it.");
        var message = context.Message;
        var ct = context.CancellationToken;
        await using var session = await dataSource.BeginTenantSessionAsync(message.TenantId, ct);
        const string inbox = """
            INSERT INTO inbox_messages (consumer, message_id, tenant_id) VALUES (@Consumer, @messageId, @TenantId)
            ON CONFLICT DO NOTHING
            """;
        if (await session.ExecuteAsync(inbox, new { Consumer = GetType().FullName, messageId, message.TenantId }, ct) == 0)
        {
            return;
        }
        await EventLog.AppendAsync(session, messageId, message, ct);
        await Projector.ApplyAsync(session, message, ct);
        await LiveNudge.SendAsync(session, ct);
        await session.CommitAsync(ct);
    }
}

using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Dapper;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.ServiceDefaults.Telemetry;

namespace Platform.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Publishes outbox rows to RabbitMQ and stamps them sent once the broker has confirmed (MassTransit waits for
/// publisher confirms). Wakes on the NOTIFY a committing transaction sends, polls as a safety net, and backs
/// off while the broker is away, never losing a row. Replicas share the work with <c>FOR UPDATE SKIP LOCKED</c>;
/// a replica whose bus is cut off from the broker claims nothing, leaving the rows to replicas that can publish.
/// Delivery is at least once (a crash between confirm and commit republishes); consumers dedupe by message id.
/// </summary>
internal sealed partial class OutboxRelay(
    NpgsqlDataSource dataSource,
    IBus bus,
    BrokerConnection broker,
    OutboxOptions options,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private readonly Channel<bool> wakeUp = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private DateTimeOffset nextCleanup = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listening = ListenAsync(stoppingToken);
        var backoff = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await broker.IsReachableAsync(stoppingToken)
                       && await PublishBatchAsync(stoppingToken) == options.BatchSize)
                {
                }
                backoff = TimeSpan.Zero;
                await CleanupAsync(stoppingToken);
                await WaitForWorkAsync(options.PollInterval, stoppingToken);
                if (options.GatherWindow > TimeSpan.Zero)
                {
                    // Commits land every millisecond or two under load; a short wait lets those that follow the first travel
                    // in its batch (one claim, one confirm round, one stamp for many) instead of a relay transaction each.
                    await Task.Delay(options.GatherWindow, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                backoff = backoff == TimeSpan.Zero ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, options.MaxBackoff.Ticks));
                LogPublishFailed(exception, backoff.TotalMilliseconds);
                await Task.Delay(backoff, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        await listening;
    }

    private async Task<int> PublishBatchAsync(CancellationToken cancellationToken)
    {
        const string claim = """
            SELECT sequence, message_id, tenant_id, message_type, body::text AS body, trace_parent
            FROM outbox_messages
            WHERE sent_at IS NULL
            ORDER BY bulk, sequence
            LIMIT @BatchSize
            FOR UPDATE SKIP LOCKED
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ActAsRelayAsync(connection, transaction);
        var rows = (await connection.QueryAsync<OutboxRow>(claim, new { options.BatchSize }, transaction)).AsList();
        // The batch's publishes are in flight together and their confirms awaited together: one broker round trip per
        // batch instead of one per row, so a burst (a 100,000-row import's ContactCreated) does not hold up the events
        // behind it for minutes. Order within a batch is not kept; consumers never relied on it (each message type has
        // its own endpoint, and consumers compare the event's own time).
        var outcomes = await Task.WhenAll(rows.Select(async row =>
        {
            try
            {
                await PublishAsync(row, cancellationToken);
                return (row.Sequence, Error: (Exception?)null);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                return (row.Sequence, Error: exception);
            }
        }));
        var sent = outcomes.Where(o => o.Error is null).Select(o => o.Sequence).ToArray(); // an array parameter: one prepared statement
        var failed = outcomes.Where(o => o.Error is not null).ToList();
        var failure = failed.FirstOrDefault().Error;
        if (failed.Count > 0)
        {
            await connection.ExecuteAsync(
                "UPDATE outbox_messages SET attempts = attempts + 1, last_error = @Error WHERE sequence = ANY(@Sequences)",
                new { Sequences = failed.Select(f => f.Sequence).ToArray(), Error = failure!.Message }, transaction);
        }
        if (sent.Length > 0)
        {
            await connection.ExecuteAsync("UPDATE outbox_messages SET sent_at = now() WHERE sequence = ANY(@sent)", new { sent }, transaction);
        }
        await transaction.CommitAsync(CancellationToken.None);
        if (failure is not null)
        {
            throw new InvalidOperationException("The broker did not confirm an outbox message; it stays pending.", failure);
        }
        return rows.Count;
    }

    private async Task PublishAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        var type = ContractTypes.Resolve(row.MessageType);
        var message = JsonSerializer.Deserialize(row.Body, type, ContractTypes.JsonOptions)
            ?? throw new InvalidOperationException($"Outbox row {row.Sequence} has an empty body.");
        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        using var activity = PlatformTelemetry.Source.StartActivity("outbox publish", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", row.MessageId);
        activity?.SetTag("messaging.message.type", row.MessageType);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.PublishTimeout);
        await bus.Publish(message, type, context =>
        {
            context.MessageId = row.MessageId;
            context.Headers.Set(MessagingExtensions.TenantHeader, row.TenantId.ToString());
        }, timeout.Token);
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => wakeUp.Writer.TryWrite(true);
                await connection.ExecuteAsync($"LISTEN {OutboxExtensions.Channel}");
                wakeUp.Writer.TryWrite(true); // catch up on whatever committed while we were not listening
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogListenFailed(exception);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task WaitForWorkAsync(TimeSpan timeout, CancellationToken stoppingToken)
    {
        using var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        poll.CancelAfter(timeout);
        try
        {
            await wakeUp.Reader.ReadAsync(poll.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // poll interval elapsed
        }
    }

    private async Task CleanupAsync(CancellationToken cancellationToken)
    {
        if (DateTimeOffset.UtcNow < nextCleanup)
        {
            return;
        }
        nextCleanup = DateTimeOffset.UtcNow.AddMinutes(10);
        const string sql = """
            DELETE FROM outbox_messages WHERE sent_at < now() - @Retention;
            DELETE FROM inbox_messages WHERE processed_at < now() - @Retention;
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ActAsRelayAsync(connection, transaction);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { options.Retention }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Row-level security lets this transaction see every tenant's outbox and inbox rows (see 0002_create_tenant_isolation.sql).</summary>
    private static Task ActAsRelayAsync(NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        connection.ExecuteAsync("SELECT set_config('app.outbox_relay', 'on', true)", transaction: transaction);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox publish failed; retrying in {BackoffMs} ms")]
    private partial void LogPublishFailed(Exception exception, double backoffMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox LISTEN connection lost; reconnecting")]
    private partial void LogListenFailed(Exception exception);
}

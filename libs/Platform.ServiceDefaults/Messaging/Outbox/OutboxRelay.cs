using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using Dapper;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.ServiceDefaults.Database;
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
    [FromKeyedServices(CrossTenantDataSource.Key)] NpgsqlDataSource dataSource,
    IBus bus,
    BrokerConnection broker,
    OutboxOptions options,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private readonly Channel<bool> wakeUp = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly OutboxMetrics metrics = new();
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
                await RefreshMetricsAsync(stoppingToken);
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
            WHERE sent_at IS NULL AND set_aside_at IS NULL
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
            (Type Type, object Message) prepared;
            try
            {
                prepared = Prepare(row);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return new Outcome(row.Sequence, exception, OwnFault: true);
            }
            try
            {
                await PublishAsync(row, prepared.Type, prepared.Message, cancellationToken);
                return new Outcome(row.Sequence, null, OwnFault: false);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                return new Outcome(row.Sequence, exception, OwnFault: false);
            }
        }));
        var sent = outcomes.Where(o => o.Error is null).Select(o => o.Sequence).ToArray(); // an array parameter: one prepared statement
        // A publish that failed while the broker confirmed others in the same batch is the row's own fault too; when none
        // was confirmed the broker is the trouble, and the rows wait for it without counting.
        var failed = outcomes.Where(o => o.Error is not null).Select(o => o with { OwnFault = o.OwnFault || sent.Length > 0 }).ToList();
        if (failed.Count > 0)
        {
            const string noteFailures = """
                UPDATE outbox_messages m
                SET attempts = attempts + f.own::int, last_error = f.error,
                    set_aside_at = CASE WHEN f.own AND attempts + 1 >= @MaxAttempts THEN now() END
                FROM unnest(@Sequences, @Own, @Errors) AS f(sequence, own, error)
                WHERE m.sequence = f.sequence
                """;
            await connection.ExecuteAsync(noteFailures, new
            {
                Sequences = failed.Select(f => f.Sequence).ToArray(),
                Own = failed.Select(f => f.OwnFault).ToArray(),
                Errors = failed.Select(f => f.Error!.Message).ToArray(),
                options.MaxAttempts,
            }, transaction);
        }
        if (sent.Length > 0)
        {
            await connection.ExecuteAsync("UPDATE outbox_messages SET sent_at = now() WHERE sequence = ANY(@sent)", new { sent }, transaction);
        }
        await transaction.CommitAsync(CancellationToken.None);
        if (failed.Count > 0 && failed.All(f => !f.OwnFault))
        {
            throw new InvalidOperationException("The broker did not confirm the outbox batch; it stays pending.", failed[0].Error);
        }
        foreach (var own in failed)
        {
            LogRowFailed(own.Error!, own.Sequence);
        }
        return rows.Count;
    }

    private sealed record Outcome(long Sequence, Exception? Error, bool OwnFault);

    private static (Type Type, object Message) Prepare(OutboxRow row)
    {
        var type = ContractTypes.Resolve(row.MessageType);
        var message = JsonSerializer.Deserialize(row.Body, type, ContractTypes.JsonOptions)
            ?? throw new InvalidOperationException($"Outbox row {row.Sequence} has an empty body.");
        return (type, message);
    }

    private async Task PublishAsync(OutboxRow row, Type type, object message, CancellationToken cancellationToken)
    {
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

    private async Task RefreshMetricsAsync(CancellationToken cancellationToken)
    {
        if (!metrics.Due)
        {
            return;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ActAsRelayAsync(connection, transaction);
        await metrics.RefreshAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Row-level security lets this transaction see every tenant's outbox and inbox rows (see 0002_create_tenant_isolation.sql).</summary>
    private static Task ActAsRelayAsync(NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        connection.ExecuteAsync("SELECT set_config('app.outbox_relay', 'on', true)", transaction: transaction);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox publish failed; retrying in {BackoffMs} ms")]
    private partial void LogPublishFailed(Exception exception, double backoffMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox row {Sequence} failed to publish on its own (set aside after Outbox:MaxAttempts)")]
    private partial void LogRowFailed(Exception exception, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox LISTEN connection lost; reconnecting")]
    private partial void LogListenFailed(Exception exception);
}

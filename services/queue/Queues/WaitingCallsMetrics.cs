using System.Diagnostics.Metrics;
using Dapper;
using Npgsql;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Hosting;
using Platform.ServiceDefaults.Telemetry;

namespace Platform.Queue.Queues;

/// <summary>
/// The line of every queue as operations watch it, read every <see cref="Period"/> across tenants (under the routing
/// sweep's <c>app.system_task</c>, which may read queues and waiting calls only): <c>platform.queue.calls_waiting</c>
/// (callers on hold), <c>platform.queue.oldest_wait_seconds</c> (how long the first of them has held since the call
/// arrived) and <c>platform.queue.callbacks_waiting</c> (callbacks promised, nobody has called back yet), each tagged
/// with <c>tenant_id</c>, <c>queue_id</c> and <c>queue</c> (its name); a queue with nobody waiting reports 0. Every replica
/// reports the same figures (they are the database's): aggregate with <c>max</c>, not <c>sum</c>.
/// </summary>
public sealed partial class WaitingCallsMetrics : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(5);
    private readonly NpgsqlDataSource db;
    private readonly ILogger<WaitingCallsMetrics> logger;
    private IReadOnlyList<Line> current = [];

    private sealed record Line(Guid TenantId, Guid QueueId, string Name, long Waiting, double OldestWaitSeconds, long Callbacks)
    {
        public KeyValuePair<string, object?>[] Tags() => [new("tenant_id", TenantId.ToString()), new("queue_id", QueueId.ToString()), new("queue", Name)];
    }

    public WaitingCallsMetrics([FromKeyedServices(CrossTenantDataSource.Key)] NpgsqlDataSource db, ILogger<WaitingCallsMetrics> logger)
    {
        this.db = db;
        this.logger = logger;
        PlatformTelemetry.Meter.CreateObservableGauge("platform.queue.calls_waiting",
            () => current.Select(l => new Measurement<long>(l.Waiting, l.Tags())), description: "Callers on hold in the queue");
        PlatformTelemetry.Meter.CreateObservableGauge("platform.queue.oldest_wait_seconds",
            () => current.Select(l => new Measurement<double>(l.OldestWaitSeconds, l.Tags())), unit: "s", description: "How long the longest-waiting caller of the queue has held");
        PlatformTelemetry.Meter.CreateObservableGauge("platform.queue.callbacks_waiting",
            () => current.Select(l => new Measurement<long>(l.Callbacks, l.Tags())), description: "Callbacks promised by the queue that nobody has made yet");
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Periodically.RunAsync(Period, RefreshAsync, LogRefreshFailed, stoppingToken, firstRoundAtStart: true);

    private async Task RefreshAsync(CancellationToken ct)
    {
        const string sql = """
            SELECT q.tenant_id, q.id AS queue_id, q.name,
                   count(c.id) FILTER (WHERE c.callback_number IS NULL) AS waiting,
                   coalesce(extract(epoch FROM now() - min(c.arrived_at) FILTER (WHERE c.callback_number IS NULL)), 0)::float8 AS oldest_wait_seconds,
                   count(c.id) FILTER (WHERE c.callback_number IS NOT NULL) AS callbacks
            FROM queues q LEFT JOIN calls c ON c.tenant_id = q.tenant_id AND c.queue_id = q.id AND c.status = 'waiting'
            GROUP BY q.tenant_id, q.id, q.name
            """;
        await using var connection = await DatabaseResilience.OpenAsync(db, ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync("SELECT set_config('app.system_task', 'routing', true)", transaction: transaction);
        current = (await connection.QueryAsync<Line>(new CommandDefinition(sql, transaction: transaction, cancellationToken: ct))).ToList();
        await transaction.CommitAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the queues' waiting calls for the metrics; trying again at the next tick")]
    private partial void LogRefreshFailed(Exception exception);
}

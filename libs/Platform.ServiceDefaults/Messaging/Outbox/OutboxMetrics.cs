using System.Diagnostics.Metrics;
using Dapper;
using Npgsql;
using Platform.ServiceDefaults.Telemetry;

namespace Platform.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// The outbox as operations watch it, read by the relay every <see cref="Period"/>: <c>platform.outbox.pending</c> (rows
/// waiting for the broker), <c>platform.outbox.oldest_pending_seconds</c> (how long the oldest has waited: the events'
/// delay), <c>platform.outbox.set_aside</c> (rows given up on, waiting for a person to replay them).
/// </summary>
internal sealed class OutboxMetrics
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(5);
    private Snapshot current = new(0, 0, 0);
    private DateTimeOffset next = DateTimeOffset.MinValue;

    private sealed record Snapshot(long Pending, double OldestPendingSeconds, long SetAside);

    public OutboxMetrics()
    {
        PlatformTelemetry.Meter.CreateObservableGauge("platform.outbox.pending", () => current.Pending, description: "Outbox rows waiting to be published");
        PlatformTelemetry.Meter.CreateObservableGauge("platform.outbox.oldest_pending_seconds", () => current.OldestPendingSeconds, unit: "s",
            description: "Age of the oldest outbox row waiting to be published");
        PlatformTelemetry.Meter.CreateObservableGauge("platform.outbox.set_aside", () => current.SetAside,
            description: "Outbox rows set aside after too many failures of their own (replay by hand)");
    }

    public bool Due => DateTimeOffset.UtcNow >= next;

    public async Task RefreshAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        next = DateTimeOffset.UtcNow + Period;
        const string sql = """
            SELECT count(*) FILTER (WHERE set_aside_at IS NULL) AS pending,
                   coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE set_aside_at IS NULL)), 0)::float8 AS oldest_pending_seconds,
                   count(*) FILTER (WHERE set_aside_at IS NOT NULL) AS set_aside
            FROM outbox_messages WHERE sent_at IS NULL
            """;
        current = await connection.QuerySingleAsync<Snapshot>(new CommandDefinition(sql, transaction: transaction, cancellationToken: cancellationToken));
    }
}

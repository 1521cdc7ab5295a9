using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.ServiceDefaults.Telemetry;

namespace Platform.ServiceDefaults.Health;

/// <summary>
/// <c>platform.health.status{check}</c>: 2 healthy, 1 degraded, 0 unhealthy, for every registered check (database, broker,
/// MassTransit's bus and endpoints), refreshed every 5 s, so a degraded replica shows on a dashboard before anyone calls it.
/// </summary>
internal sealed class HealthMetrics : IHealthCheckPublisher
{
    private readonly ConcurrentDictionary<string, int> statuses = new();

    public HealthMetrics() =>
        PlatformTelemetry.Meter.CreateObservableGauge("platform.health.status",
            () => statuses.Select(s => new Measurement<int>(s.Value, new KeyValuePair<string, object?>("check", s.Key))),
            description: "2 healthy, 1 degraded, 0 unhealthy");

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        foreach (var (name, entry) in report.Entries)
        {
            statuses[name] = (int)entry.Status;
        }
        return Task.CompletedTask;
    }
}

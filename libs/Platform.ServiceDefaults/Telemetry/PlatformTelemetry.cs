using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Platform.ServiceDefaults.Telemetry;

/// <summary>
/// The platform's own activity source (outbox relay, inbox), traced beside ASP.NET Core, Npgsql and MassTransit, and its own
/// meter (health, outbox, consumer lag), exported at <c>/metrics</c> beside Npgsql's pool and MassTransit's counters.
/// </summary>
public static class PlatformTelemetry
{
    public const string SourceName = "Platform";
    public static readonly ActivitySource Source = new(SourceName);
    public static readonly Meter Meter = new(SourceName);

    internal static readonly Histogram<double> ConsumerLag = Meter.CreateHistogram<double>(
        "platform.consumer.lag", unit: "s", description: "Time from a message's publish to its consumer taking it");

    internal static readonly Counter<long> DeadLettered = Meter.CreateCounter<long>(
        "platform.messaging.dead_lettered", description: "Messages that still failed after their retries and were moved to their endpoint's _error queue");
}

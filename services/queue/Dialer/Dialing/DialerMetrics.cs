using System.Diagnostics.Metrics;
using Platform.ServiceDefaults.Telemetry;

namespace Platform.Queue.Dialer.Dialing;

/// <summary>
/// The dial loop as operations watch it: <c>platform.dialer.tick_duration</c> (how long one campaign's tick took, from the
/// row lock to the commit, with the CRM's lease round trip when it placed dials) and <c>platform.dialer.dials_placed</c>,
/// both tagged <c>paced_as</c> (predictive, progressive or preview: what the pacer decided). A replica paces its campaigns
/// one after the other, so the mean tick duration bounds how many campaign ticks a replica makes a second.
/// </summary>
public static class DialerMetrics
{
    private static readonly Histogram<double> TickDuration = PlatformTelemetry.Meter.CreateHistogram(
        "platform.dialer.tick_duration", unit: "s", description: "How long one campaign's tick of the dial loop took",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });

    private static readonly Counter<long> DialsPlaced = PlatformTelemetry.Meter.CreateCounter<long>(
        "platform.dialer.dials_placed", description: "Dials the dial loop placed");

    public static void Ticked(CampaignTick.Outcome outcome, TimeSpan took)
    {
        var pacedAs = new KeyValuePair<string, object?>("paced_as", outcome.Decision?.PacedAs.ToString().ToLowerInvariant() ?? "none");
        TickDuration.Record(took.TotalSeconds, pacedAs);
        if (outcome.Placed > 0)
        {
            DialsPlaced.Add(outcome.Placed, pacedAs);
        }
    }
}

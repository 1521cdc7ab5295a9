using System.Globalization;
using System.Text.RegularExpressions;
using Platform.EndToEnd.Tests.Queue;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Dialer;

/// <summary>The dial loop's own metrics at the queue service's <c>/metrics</c>: its campaign ticks timed, the dials it placed (docs/reliability.md).</summary>
[Collection(PlatformCollection.Name)]
public sealed partial class DialerMetricsTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task A_running_campaigns_ticks_are_timed_and_its_dials_counted_at_the_queues_metrics()
    {
        var scraper = platform.Queue.CreateClient();
        var before = Sum(DialsPlaced(), await scraper.GetStringAsync("/metrics"));
        var world = await DialerWorld.CreateAsync(platform);
        await world.ContactAsync("Counted");
        var agent = await world.AgentAsync("Metered");
        await world.StartAsync(await world.CampaignAsync("progressive", [agent]));
        await QueueWorld.AvailableAsync(agent);
        await world.WaitForCommandsAsync("dial_out", 1, "the progressive dial");

        var scrape = "";
        await Eventually.HoldsAsync(async () => Sum(DialsPlaced(), scrape = await scraper.GetStringAsync("/metrics")) >= before + 1,
            TimeSpan.FromSeconds(10), "the dial placed is counted");
        Assert.True(Sum(TicksTimed(), scrape) > 0, "the progressive ticks are timed");
        Assert.Matches(FastTicks(), scrape); // a bucket boundary in milliseconds: the buckets are the advised ones, not the default 0, 5, 10 … s
    }

    private static double Sum(Regex series, string scrape) =>
        series.Matches(scrape).Sum(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^platform_dialer_dials_placed_total\{[^}]*paced_as=""progressive""[^}]*\} ([0-9.e+-]+)", RegexOptions.Multiline)]
    private static partial Regex DialsPlaced();

    [GeneratedRegex(@"^platform_dialer_tick_duration_seconds_count\{[^}]*paced_as=""progressive""[^}]*\} ([0-9.e+-]+)", RegexOptions.Multiline)]
    private static partial Regex TicksTimed();

    [GeneratedRegex(@"^platform_dialer_tick_duration_seconds_bucket\{[^}]*le=""0\.005""", RegexOptions.Multiline)]
    private static partial Regex FastTicks();
}

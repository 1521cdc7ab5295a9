using System.Net;
using System.Text.Json;
using Platform.Contracts.Queue;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Reporting;

/// <summary>
/// Short abandons through the gateway against a hand count: a queue with its own short-abandon threshold (8 s) and one with
/// the default (5 s), each bound included; shown apart, left out of the abandonment rate by the queue that chose so (and of
/// one rate and the service level over offered calls for every queue).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ShortAbandonTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task Short_abandons_are_shown_apart_and_left_out_of_the_abandonment_rate_and_the_service_level_over_offered_calls()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await (await tenant.Admin.CreateProjectAsync("Short abandons")).CreatedIdAsync();
        await Eventually.HoldsAsync(async () => (await tenant.Admin.GetAsync($"/api/reporting/projects/{projectId}")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(30), "reporting knows the project"); // a bound, not a timing: the shared machine can be slow
        var (t, p, own, standard, agent, user) = (tenant.Id, projectId, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var c = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid()).ToArray();
        var t0 = BusEvents.QuarterHoursAgo(3);
        DateTimeOffset At(int seconds) => t0.AddSeconds(seconds);
        CallQueued Queued(Guid call, Guid queue, int at) => new(t, call, queue, p, null, false, 0, 1, At(at), 20);
        var range = $"granularity=15m&from={Uri.EscapeDataString(t0.ToString("O"))}&to={Uri.EscapeDataString(t0.AddMinutes(15).ToString("O"))}";
        // The queues' thresholds first: an abandon is judged by the threshold reporting knows when it counts it (the
        // configuration and the calls travel on different endpoints, so published together the calls may come first).
        await new BusEvents(platform).PublishAsync(
            new QueueConfigured(t, own, p, "Own threshold", 80, 20, At(-60), 8, ShortAbandonsExcluded: true),
            new QueueConfigured(t, standard, p, "Default threshold", 80, 20, At(-60)));
        foreach (var q in new[] { own, standard })
        {
            await Eventually.HoldsAsync(async () => (await tenant.Admin.GetAsync($"/api/reporting/queues/{q}/intervals?{range}")).IsSuccessStatusCode,
                TimeSpan.FromSeconds(30), "reporting knows the queue");
        }
        await new BusEvents(platform).PublishAsync(
            Queued(c[0], own, 0), new CallAnswered(t, c[0], own, p, agent, null, 10, At(10), user, 20),
            Queued(c[1], own, 20), new CallAnswered(t, c[1], own, p, agent, null, 30, At(50), user, 20),
            Queued(c[2], own, 60), new CallAbandoned(t, c[2], own, p, 8, At(68), 20),
            Queued(c[3], own, 70), new CallAbandoned(t, c[3], own, p, 40, At(110), 20),
            Queued(c[4], standard, 0), new CallAbandoned(t, c[4], standard, p, 5, At(5), 20),
            Queued(c[5], standard, 10), new CallAbandoned(t, c[5], standard, p, 6, At(16), 20));
        async Task<JsonElement> TotalAsync(Guid q) =>
            (await (await tenant.Admin.GetAsync($"/api/reporting/queues/{q}/intervals?{range}")).JsonAsync()).GetProperty("total");
        async Task<long> AbandonedAsync(Guid q) // 404 until reporting has seen the queue configured
        {
            using var response = await tenant.Admin.GetAsync($"/api/reporting/queues/{q}/intervals?{range}");
            return response.IsSuccessStatusCode ? (await response.JsonAsync()).GetProperty("total").GetProperty("abandoned").GetInt64() : -1;
        }
        await Eventually.HoldsAsync(async () => await AbandonedAsync(own) == 2 && await AbandonedAsync(standard) == 2, TimeSpan.FromSeconds(30),
            "every call counted");

        var mine = await TotalAsync(own);
        Assert.Equal(4, mine.GetProperty("offered").GetInt64());
        Assert.Equal(1, mine.GetProperty("shortAbandoned").GetInt64());                              // 8 s, the queue's own bound
        Assert.Equal(1 / 3.0, mine.GetProperty("abandonmentRate").GetDouble(), 10);                   // 1 of 3: this queue leaves short ones out
        Assert.Equal(0.5, mine.GetProperty("abandonmentRateCountingShortAbandons").GetDouble(), 10);  // 2 of 4, short ones counted
        Assert.Equal(1 / 3.0, mine.GetProperty("abandonmentRateExcludingShortAbandons").GetDouble(), 10); // 1 of 3
        Assert.Equal(1 / 3.0, mine.GetProperty("serviceLevelOfOffered").GetDouble(), 10);             // 1 within 20 s of 3
        Assert.Equal(0.5, mine.GetProperty("serviceLevel").GetDouble(), 10);                          // 1 of 2 answered
        var theirs = await TotalAsync(standard);
        Assert.Equal(1, theirs.GetProperty("shortAbandoned").GetInt64());                             // 5 s by default; 6 s is not short
        Assert.Equal(1.0, theirs.GetProperty("abandonmentRateExcludingShortAbandons").GetDouble(), 10);
        Assert.Equal(1.0, theirs.GetProperty("abandonmentRate").GetDouble(), 10);                     // 2 of 2: this one counts them
        Assert.Equal(0, theirs.GetProperty("excludedShortAbandons").GetInt64());
        Assert.Equal(0.0, theirs.GetProperty("serviceLevelOfOffered").GetDouble(), 10);

        var csv = Csv.Parse(await (await tenant.Admin.GetAsync($"/api/reporting/queues/{own}/intervals?{range}&format=csv")).Content.ReadAsByteArrayAsync());
        Assert.Equal("1", csv.Row("Start", "Total")["ShortAbandoned"]);
        var project = (await (await tenant.Admin.GetAsync($"/api/reporting/projects/{p}/intervals?{range}")).JsonAsync()).GetProperty("total");
        Assert.Equal(2, project.GetProperty("shortAbandoned").GetInt64());
        Assert.Equal(2 / 4.0, project.GetProperty("abandonmentRateExcludingShortAbandons").GetDouble(), 10); // (4 − 2) of (6 − 2)
        Assert.Equal(3 / 5.0, project.GetProperty("abandonmentRate").GetDouble(), 10); // each queue's choice: (4 − 1) of (6 − 1)

        // The project's headline figures since it started say the same as its intervals.
        var summary = await (await tenant.Admin.GetAsync($"/api/reporting/projects/{p}")).JsonAsync();
        Assert.Equal(6, summary.GetProperty("callsOffered").GetInt64());
        Assert.Equal(1, summary.GetProperty("excludedShortAbandons").GetInt64());
        Assert.Equal(3 / 5.0, summary.GetProperty("abandonmentRate").GetDouble(), 10);
        Assert.Equal(4 / 6.0, summary.GetProperty("abandonmentRateCountingShortAbandons").GetDouble(), 10);
    }
}

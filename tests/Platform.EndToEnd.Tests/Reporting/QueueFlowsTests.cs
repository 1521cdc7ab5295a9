using System.Net;
using System.Text.Json;
using Platform.Contracts.Queue;
using Platform.EndToEnd.Tests.Queue;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Reporting;

/// <summary>
/// The transfer, overflow and callback report of a queue through the gateway, against a hand count of events published as
/// the queue service publishes them (one of them twice under a new message id), before and after a rebuild.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class QueueFlowsTests(PlatformUnderTest platform)
{
    private static readonly string[] Measures =
    [
        "transfersOut", "transfersToAgent", "transfersIn", "overflowsOut", "overflowsIn", "refused", "offersDeclined", "callbacksRequested",
        "callbacksCarriedOver", "callbacksCancelled", "callbacksCompleted", "callbacksRetried", "callbacksFailed",
    ];

    private static string Figures(JsonElement row) => string.Join(" ", Measures.Select(m => $"{m}={row.GetProperty(m).GetInt64()}"));

    private static string Expect(params (string Measure, long Count)[] counts) =>
        string.Join(" ", Measures.Select(m => $"{m}={counts.Where(c => c.Measure == m).Sum(c => c.Count)}"));

    [Fact]
    public async Task Transfers_overflows_and_callbacks_are_counted_per_queue_and_quarter_hour_once_and_the_same_after_a_rebuild()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await (await tenant.Admin.CreateProjectAsync("Flows")).CreatedIdAsync();
        await Eventually.HoldsAsync(async () => (await tenant.Admin.GetAsync($"/api/reporting/projects/{projectId}")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(30), "reporting knows the project"); // a bound, not a timing: the shared machine can be slow
        var (t, p, queue, second, sentinel, agent, other) = (tenant.Id, projectId, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var c = Enumerable.Range(0, 9).Select(_ => Guid.NewGuid()).ToArray();
        var t0 = BusEvents.QuarterHoursAgo(3);
        DateTimeOffset At(int seconds) => t0.AddSeconds(seconds);
        var overflow = new QueueOverflowed(t, c[3], queue, second, "too long a wait", At(200));
        var bus = new BusEvents(platform);
        await bus.PublishAsync(
            new QueueConfigured(t, queue, p, "Hotline", 80, 20, At(-60)),
            new QueueConfigured(t, second, p, "Specialists", 80, 20, At(-60)),
            new QueueConfigured(t, sentinel, p, "Sentinel", 80, 20, At(-60)),
            new CallTransferred(t, c[1], queue, agent, second, null, At(60)),
            new CallTransferred(t, c[2], queue, agent, queue, other, At(120)),
            overflow,
            new QueueOverflowed(t, c[4], queue, null, "too long a line", At(16 * 60)),
            new OfferDeclined(t, c[5], queue, p, agent, "finishing notes", "desktop", At(300)),
            new CallbackRequested(t, c[6], queue, p, QueueWorld.UniqueNumber(), At(400)),
            new DialOutEnded(t, c[6], queue, p, agent, "callback", "no_answer", 1, At(25 * 60), false, At(17 * 60)),
            new DialOutEnded(t, c[6], queue, p, agent, "callback", "answered", 2, null, true, At(20 * 60)),
            new CallbackRequested(t, c[7], queue, p, QueueWorld.UniqueNumber(), At(500)),
            new CallbackCarriedOver(t, c[7], queue, p, At(86_400), 1, "the project closed", At(18 * 60)),
            new DialOutEnded(t, c[7], queue, p, agent, "callback", "busy", 3, null, true, At(19 * 60)),
            new CallbackRequested(t, c[8], queue, p, QueueWorld.UniqueNumber(), At(600)),
            new CallbackCancelled(t, c[8], queue, p, "the caller called again", At(700)),
            overflow, // the same overflow again, under a new message id
            new QueueOverflowed(t, c[0], sentinel, null, "nobody logged in", At(100))); // counted by the same consumer after the duplicate

        var firstQuarter = Expect(("transfersOut", 2), ("transfersToAgent", 1), ("transfersIn", 1), ("overflowsOut", 1), ("offersDeclined", 1),
            ("callbacksRequested", 3), ("callbacksCancelled", 1));
        var secondQuarter = Expect(("refused", 1), ("callbacksRetried", 1), ("callbacksCompleted", 1), ("callbacksCarriedOver", 1), ("callbacksFailed", 1));
        var total = Expect(("transfersOut", 2), ("transfersToAgent", 1), ("transfersIn", 1), ("overflowsOut", 1), ("offersDeclined", 1),
            ("callbacksRequested", 3), ("callbacksCancelled", 1), ("refused", 1), ("callbacksRetried", 1), ("callbacksCompleted", 1),
            ("callbacksCarriedOver", 1), ("callbacksFailed", 1));
        var range = $"from={Uri.EscapeDataString(t0.ToString("O"))}&to={Uri.EscapeDataString(t0.AddMinutes(30).ToString("O"))}";
        async Task<JsonElement> FlowsAsync(Guid q)
        {
            var response = await tenant.Admin.GetAsync($"/api/reporting/queues/{q}/flows?{range}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.JsonAsync();
        }
        async Task<JsonElement?> KnownAsync(Guid q) // 404 until reporting has seen the queue configured
        {
            using var response = await tenant.Admin.GetAsync($"/api/reporting/queues/{q}/flows?{range}");
            return response.IsSuccessStatusCode ? (await response.JsonAsync()).GetProperty("total") : null;
        }
        await Eventually.HoldsAsync(async () => await KnownAsync(queue) is { } q && Figures(q) == total
            && await KnownAsync(second) is { } s && s.GetProperty("overflowsIn").GetInt64() == 1
            && await KnownAsync(sentinel) is { } z && z.GetProperty("refused").GetInt64() == 1, TimeSpan.FromSeconds(30),
            "every flow counted, and the duplicate overflow had its turn (the sentinel after it is counted)");

        foreach (var pass in new[] { "as counted", "after a rebuild" })
        {
            var flows = await FlowsAsync(queue);
            var intervals = flows.GetProperty("intervals").EnumerateArray().ToList();
            Assert.Equal(2, intervals.Count);
            Assert.True(firstQuarter == Figures(intervals[0]), $"{pass}: {Figures(intervals[0])}");
            Assert.True(secondQuarter == Figures(intervals[1]), $"{pass}: {Figures(intervals[1])}");
            Assert.True(total == Figures(flows.GetProperty("total")), $"{pass}: {Figures(flows.GetProperty("total"))}");
            Assert.Equal(Expect(("transfersIn", 1), ("overflowsIn", 1)), Figures((await FlowsAsync(second)).GetProperty("total")));
            if (pass == "as counted")
            {
                Assert.Equal(HttpStatusCode.OK, (await tenant.Admin.PostAsync("/api/reporting/projections/rebuild", null)).StatusCode);
            }
        }

        var csv = Csv.Parse(await (await tenant.Admin.GetAsync($"/api/reporting/queues/{queue}/flows?{range}&format=csv")).Content.ReadAsByteArrayAsync());
        Assert.Equal(4, csv.Rows.Count); // header, two quarter-hours, the total
        Assert.Equal("3", csv.Row("Start", "Total")["CallbacksRequested"]);
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.Admin.GetAsync($"/api/reporting/queues/{Guid.NewGuid()}/flows")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await tenant.Admin.GetAsync($"/api/reporting/queues/{queue}/flows?granularity=hour")).StatusCode);
    }
}

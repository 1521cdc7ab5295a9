using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Platform.EndToEnd.Tests.Queue;
using Platform.Queue.Dialer.Pacing;
using Platform.Reporting.Campaigns;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Dialer;

/// <summary>
/// Reporting's campaign figures through the gateway against a hand count: a predictive campaign's dials with known results
/// (a person connected, a person dropped, a machine, a busy line), the agent's outcome, the abandon rate against the cap and its
/// worst 30-minute rolling window.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CampaignReportTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task A_campaigns_report_counts_its_dials_people_machines_drops_and_outcomes_as_counted_by_hand()
    {
        var world = await DialerWorld.CreateAsync(platform);
        for (var i = 0; i < 4; i++)
        {
            await world.ContactAsync($"Lead {i}");
        }
        var agents = new[] { await world.AgentAsync("Closer one"), await world.AgentAsync("Closer two") };
        var campaignId = await world.CampaignAsync("predictive", agents, abandonCapPercent: 5);
        await world.StartAsync(campaignId);
        foreach (var agent in agents)
        {
            await QueueWorld.AvailableAsync(agent);
        }

        // Two predictive dials: the first person reaches an agent; the other agent goes on a break and the second person is dropped.
        var dials = await world.WaitForCommandsAsync("dial_out", 2, "dials ahead of the free agents");
        var first = dials[0].GetProperty("body");
        var connected = await (await world.ReportAsync(first.GetProperty("callId").GetGuid(), "human")).JsonAsync();
        var taker = agents.Single(a => a.Id == connected.GetProperty("agentId").GetGuid());
        Assert.True((await QueueWorld.SetStateAsync(agents.Single(a => a != taker), "break", "lunch")).IsSuccessStatusCode);
        Assert.Equal("answered", (await (await world.ReportAsync(dials[1].GetProperty("body").GetProperty("callId").GetGuid(), "human")).JsonAsync())
            .GetProperty("status").GetString());
        await world.WaitForCommandsAsync("end_call", 1, "the drop");

        // The agent finishes the call with a sale; over its cap (50 % > 5 %), the campaign dials progressively for them.
        var call = first.GetProperty("callId").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await QueueWorld.HangUpAsync(taker, call)).StatusCode);
        var sale = await taker.Client.PostAsJsonAsync($"/api/clients/contacts/{first.GetProperty("contactId").GetGuid()}/outcomes", new { disposition = "sale", callId = call });
        Assert.True(sale.IsSuccessStatusCode, await sale.Content.ReadAsStringAsync());
        await QueueWorld.WrapUpDoneAsync(taker, call);
        // Every other contact's dial (whenever the pacer placed it) ends without a person: the first a machine, the second a busy line.
        var reported = new List<Guid> { first.GetProperty("callId").GetGuid(), dials[1].GetProperty("body").GetProperty("callId").GetGuid() };
        foreach (var result in new[] { "answering_machine", "busy" })
        {
            var next = (await world.WaitForCommandsAsync("dial_out", reported.Count + 1, $"a dial to end as {result}"))
                .Select(d => d.GetProperty("body").GetProperty("callId").GetGuid()).First(id => !reported.Contains(id));
            Assert.Equal("ended", (await (await world.ReportAsync(next, result)).JsonAsync()).GetProperty("status").GetString());
            reported.Add(next);
        }
        var stopped = await world.Admin.PostAsJsonAsync($"/api/queue/campaigns/{campaignId}/stop", new { });
        Assert.True(stopped.IsSuccessStatusCode);

        // By hand: 4 dials, 1 connected, 2 people (1 + the drop), 1 machine, 1 drop: 50 % against the cap of 5 %; one sale.
        JsonElement figures = default;
        await Eventually.HoldsAsync(async () =>
        {
            var report = await (await world.Admin.GetAsync($"/api/reporting/projects/{world.ProjectId}/campaigns")).JsonAsync();
            figures = report.GetProperty("campaigns").EnumerateArray().SingleOrDefault(c => c.GetProperty("campaignId").GetGuid() == campaignId);
            return figures.ValueKind == JsonValueKind.Object && figures.GetProperty("dialed").GetInt32() == 4
                && figures.GetProperty("outcomes").EnumerateObject().Any();
        }, TimeSpan.FromSeconds(30), "reporting counts the campaign's four dials and the sale");
        Assert.Equal((4, 1, 2, 1, 1), (Int(figures, "dialed"), Int(figures, "connected"), Int(figures, "human"), Int(figures, "machine"), Int(figures, "dropped")));
        Assert.Equal((50.0, 5.0, true), (figures.GetProperty("abandonRatePercent").GetDouble(), figures.GetProperty("abandonCapPercent").GetDouble(),
            figures.GetProperty("overCap").GetBoolean()));
        Assert.Equal(new Dictionary<string, int> { ["answering_machine"] = 1, ["busy"] = 1, ["connected"] = 1, ["dropped"] = 1 }, Counts(figures, "results"));
        Assert.Equal(new Dictionary<string, int> { ["sale"] = 1 }, Counts(figures, "outcomes"));

        // The worst 30-minute window by hand: one window ends at each person reached. The connect's holds 0 of 1; the drop came
        // a few seconds later, so its window holds the connect and the drop: 1 of 2, 50 % (over the 5 % cap), ending at the drop.
        Assert.Equal(PacingPolicy.RollingWindow, CampaignReportApi.RollingWindow);
        Assert.Equal((50.0, 2, 1, true, 30), (figures.GetProperty("worstWindowAbandonRatePercent").GetDouble(), Int(figures, "worstWindowPeople"),
            Int(figures, "worstWindowDrops"), figures.GetProperty("worstWindowOverCap").GetBoolean(), Int(figures, "worstWindowMinutes")));
        await using (var reporting = platform.Database("reporting"))
        {
            await reporting.OpenAsync();
            await using var read = new NpgsqlCommand("SELECT result, at FROM campaign_dials WHERE campaign_id = $1 AND result IN ('connected', 'dropped')", reporting);
            read.Parameters.AddWithValue(campaignId);
            var people = new Dictionary<string, DateTimeOffset>();
            await using (var rows = await read.ExecuteReaderAsync())
            {
                while (await rows.ReadAsync())
                {
                    people[rows.GetString(0)] = rows.GetFieldValue<DateTimeOffset>(1);
                }
            }
            Assert.True(people["connected"] <= people["dropped"], "the person was connected before the other was dropped");
            Assert.Equal(people["dropped"], figures.GetProperty("worstWindowEndedAt").GetDateTimeOffset());
        }

        // A range that ends before the drop holds the connect alone: its worst window is 0 of 1, not over the cap.
        var beforeDrop = figures.GetProperty("worstWindowEndedAt").GetDateTimeOffset().AddTicks(-10);
        var early = await (await world.Admin.GetAsync($"/api/reporting/projects/{world.ProjectId}/campaigns?campaignId={campaignId}"
            + $"&from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"))}&to={Uri.EscapeDataString(beforeDrop.ToString("O"))}")).JsonAsync();
        var connectOnly = early.GetProperty("campaigns").EnumerateArray().Single();
        Assert.Equal((0.0, 1, 0, false), (connectOnly.GetProperty("worstWindowAbandonRatePercent").GetDouble(), Int(connectOnly, "worstWindowPeople"),
            Int(connectOnly, "worstWindowDrops"), connectOnly.GetProperty("worstWindowOverCap").GetBoolean()));

        // A range before the campaign has none of it; bad input is 400 with nothing changed.
        var yesterday = DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd");
        var before = await (await world.Admin.GetAsync($"/api/reporting/projects/{world.ProjectId}/campaigns?from={yesterday}&to={DateTime.UtcNow.AddDays(-1):yyyy-MM-dd}")).JsonAsync();
        Assert.Empty(before.GetProperty("campaigns").EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await world.Admin.GetAsync($"/api/reporting/projects/{world.ProjectId}/campaigns?from=yesterday")).StatusCode);
    }

    private static int Int(JsonElement e, string name) => e.GetProperty(name).GetInt32();

    private static Dictionary<string, int> Counts(JsonElement e, string name) =>
        e.GetProperty(name).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
}

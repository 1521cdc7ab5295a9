using System.Net;
using System.Text.Json;
using Platform.Contracts.Queue;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Reporting;

/// <summary>
/// The agent scorecard through the gateway against a hand count: two agents in two groups, their calls (one of them outside
/// the 3–5 minute band), results (sales among them), survey ratings and state changes; per agent, per group and in total.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ScorecardTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task The_scorecard_matches_a_hand_count_per_agent_group_and_in_total()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await (await tenant.Admin.CreateProjectAsync("Scorecard")).CreatedIdAsync();
        await Eventually.HoldsAsync(async () => (await tenant.Admin.GetAsync($"/api/reporting/projects/{projectId}")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(30), "reporting knows the project"); // a bound, not a timing: the shared machine can be slow
        var (queue, agentA, userA, groupA, agentB, userB, groupB) =
            (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var t0 = BusEvents.QuarterHoursAgo(3);
        var mix = new MixOfAgentWork(tenant.Id, projectId);
        mix.Events.Add(new AgentChanged(tenant.Id, agentA, userA, "Agent A", groupA, t0.AddMinutes(-5)));
        mix.Events.Add(new AgentChanged(tenant.Id, agentB, userB, "Agent B", groupB, t0.AddMinutes(-5)));
        // Agent A: available at 0, a 300 s call from 60 (+60 s wrap-up), a 100 s call from 480 (+20 s wrap-up), logged out at 1000.
        var a1 = mix.Call(queue, agentA, userA, t0.AddSeconds(60), 300, 60);
        var a2 = mix.Call(queue, agentA, userA, t0.AddSeconds(480), 100, 20);
        mix.States(agentA, t0, ("available", 0), ("on_call", 60), ("wrap_up", 360), ("available", 420), ("on_call", 480), ("wrap_up", 580),
            ("available", 600), ("logged_out", 1000));
        mix.Outcome(a1, userA, "sale", "sale", t0.AddSeconds(400));
        mix.Outcome(a2, userA, "not_interested", "not_interested", t0.AddSeconds(590));
        mix.Rating(a1, userA, 5, t0.AddSeconds(430));
        mix.Rating(a2, userA, 3, t0.AddSeconds(600));
        // Agent B: available at 0, a 200 s call from 100 (+40 s wrap-up), logged out at 400; a sale, rated 4.
        var b1 = mix.Call(queue, agentB, userB, t0.AddSeconds(100), 200, 40);
        mix.States(agentB, t0, ("available", 0), ("on_call", 100), ("wrap_up", 300), ("available", 340), ("logged_out", 400));
        mix.Outcome(b1, userB, "sale", "sale", t0.AddSeconds(330));
        mix.Rating(b1, userB, 4, t0.AddSeconds(345));
        await new BusEvents(platform).PublishAsync([.. mix.Events]);

        var range = $"from={Uri.EscapeDataString(t0.ToString("O"))}&to={Uri.EscapeDataString(t0.AddHours(1).ToString("O"))}";
        JsonElement card = default;
        await Eventually.HoldsAsync(async () =>
        {
            using var response = await tenant.Admin.GetAsync($"/api/reporting/scorecard?{range}");
            card = await response.JsonAsync();
            var total = card.GetProperty("total");
            return total.GetProperty("callsHandled").GetInt64() == 3 && total.GetProperty("sales").GetInt64() == 2
                && total.GetProperty("surveyResponses").GetInt64() == 3 && total.GetProperty("staffedSeconds").GetDouble() == 1400;
        }, TimeSpan.FromSeconds(30), "every call, result, rating and state change counted");

        var agents = card.GetProperty("agents").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        var a = agents["Agent A"];
        Assert.Equal((2L, 1L, 1L), (a.GetProperty("callsHandled").GetInt64(), a.GetProperty("sales").GetInt64(), a.GetProperty("callsInBand").GetInt64()));
        Assert.Equal(0.5, a.GetProperty("conversion").GetDouble(), 10);           // 1 sale of 2 calls
        Assert.Equal(0.5, a.GetProperty("bandShare").GetDouble(), 10);            // 300 s is in the band, 100 s is not
        Assert.Equal(240, a.GetProperty("averageHandleTime").GetDouble(), 10);    // (300 + 60 + 100 + 20) / 2
        Assert.Equal(0.5, a.GetProperty("csat").GetDouble(), 10);                 // 5 satisfied, 3 not
        Assert.Equal(0.48, a.GetProperty("occupancy").GetDouble(), 10);           // busy 360 + 120 of 1000 staffed
        var b = agents["Agent B"];
        Assert.Equal(1.0, b.GetProperty("conversion").GetDouble(), 10);
        Assert.Equal(240, b.GetProperty("averageHandleTime").GetDouble(), 10);
        Assert.Equal(0.6, b.GetProperty("occupancy").GetDouble(), 10);            // 240 of 400
        var total = card.GetProperty("total");
        Assert.Equal(2 / 3.0, total.GetProperty("conversion").GetDouble(), 10);
        Assert.Equal(2 / 3.0, total.GetProperty("bandShare").GetDouble(), 10);
        Assert.Equal(2 / 3.0, total.GetProperty("csat").GetDouble(), 10);         // 5 and 4 of 5, 3, 4
        Assert.Equal(720 / 1400.0, total.GetProperty("occupancy").GetDouble(), 10);
        var groups = card.GetProperty("groups").EnumerateArray().ToDictionary(r => r.GetProperty("groupId").GetGuid());
        Assert.Equal(0.5, groups[groupA].GetProperty("conversion").GetDouble(), 10);
        Assert.Equal(1.0, groups[groupB].GetProperty("conversion").GetDouble(), 10);

        var group = await (await tenant.Admin.GetAsync($"/api/reporting/scorecard?groupId={groupB}&{range}")).JsonAsync();
        Assert.Equal(["Agent B"], group.GetProperty("agents").EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        var csv = Csv.Parse(await (await tenant.Admin.GetAsync($"/api/reporting/scorecard?{range}&format=csv")).Content.ReadAsByteArrayAsync());
        Assert.Equal("0,5", csv.Row("Name", "Agent A")["Conversion"]);
        Assert.Equal("3", csv.Row("AgentId", "Total")["CallsHandled"]);
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.Admin.GetAsync($"/api/reporting/scorecard?groupId={Guid.NewGuid()}&{range}")).StatusCode);
    }
}

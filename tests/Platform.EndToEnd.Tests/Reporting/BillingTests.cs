using System.Net;
using System.Text.Json;
using Platform.Contracts.Contacts;
using Platform.Contracts.Queue;
using Platform.ServiceDefaults.Auth;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Reporting;

/// <summary>
/// Billing per client project through the gateway against a hand count: the project's calls (one an agent's own outbound
/// call), its results (meetings and sales bill, the rest does not), its queue's members' staffed time; another project's
/// call and a non-member's time are left out.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class BillingTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task A_projects_billing_matches_a_hand_count_and_exports_to_excel()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await (await tenant.Admin.CreateProjectAsync("Billed client")).CreatedIdAsync();
        var otherProject = await (await tenant.Admin.CreateProjectAsync("Another client")).CreatedIdAsync();
        await Eventually.HoldsAsync(async () => (await tenant.Admin.GetAsync($"/api/reporting/projects/{projectId}")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(30), "reporting knows the project"); // a bound, not a timing: the shared machine can be slow
        var t = tenant.Id;
        var (queue, otherQueue, agentA, userA, agentB, userB, agentC) =
            (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var t0 = BusEvents.QuarterHoursAgo(3);
        var mix = new MixOfAgentWork(t, projectId);
        mix.Events.Add(new QueueConfigured(t, queue, projectId, "Billed line", 80, 20, t0.AddMinutes(-10)));
        mix.Events.Add(new QueueMembersReplaced(t, queue, [agentA, agentB], t0.AddMinutes(-10)));
        mix.Events.Add(new AgentChanged(t, agentA, userA, "Agent A", null, t0.AddMinutes(-10)));
        mix.Events.Add(new AgentChanged(t, agentB, userB, "Agent B", null, t0.AddMinutes(-10)));
        mix.Events.Add(new AgentChanged(t, agentC, null, "Agent C", null, t0.AddMinutes(-10)));
        var a1 = mix.Call(queue, agentA, userA, t0.AddSeconds(60), 300, 60);
        var a2 = mix.Call(queue, agentA, userA, t0.AddSeconds(480), 100, 20);
        var b1 = mix.Call(queue, agentB, userB, t0.AddSeconds(100), 200, 40);
        mix.Outcome(a1, userA, "meeting_set", "meeting_set", t0.AddSeconds(400));
        mix.Outcome(a2, userA, "sale", "sale", t0.AddSeconds(590));
        mix.Outcome(b1, userB, "not_interested", "not_interested", t0.AddSeconds(330));
        // B's own outbound call (a result with a duration and no queue call): a handled call of 240 s, and a sale.
        mix.Events.Add(new CallOutcomeRecorded(t, Guid.NewGuid(), Guid.NewGuid(), projectId, userB, null, "sale", "sale", 240, null, t0.AddSeconds(900)));
        mix.States(agentA, t0, ("available", 0), ("on_call", 60), ("wrap_up", 360), ("available", 420), ("logged_out", 1000));
        mix.States(agentB, t0, ("available", 0), ("logged_out", 400));
        mix.States(agentC, t0, ("available", 0), ("logged_out", 3000));                   // not a member of the project's queue
        var other = new MixOfAgentWork(t, otherProject);
        other.Call(otherQueue, agentC, Guid.NewGuid(), t0.AddSeconds(200), 500, 50);        // another project's call
        await new BusEvents(platform).PublishAsync([.. mix.Events, .. other.Events]);

        var range = $"from={Uri.EscapeDataString(t0.ToString("O"))}&to={Uri.EscapeDataString(t0.AddHours(1).ToString("O"))}";
        JsonElement billing = default;
        var seen = "";
        async Task<bool> CountedAsync()
        {
            using var response = await tenant.Admin.GetAsync($"/api/reporting/projects/{projectId}/billing?granularity=day&{range}");
            seen = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }
            billing = await response.JsonAsync();
            var total = billing.GetProperty("total");
            return total.GetProperty("handledCalls").GetInt64() == 4 && total.GetProperty("billedOutcomes").GetInt64() == 3
                && Math.Abs(total.GetProperty("staffedAgentHours").GetDouble() - 1400 / 3600.0) < 1e-9;
        }
        try
        {
            await Eventually.HoldsAsync(CountedAsync, TimeSpan.FromSeconds(30), "every call, result and state change counted");
        }
        catch (TimeoutException e)
        {
            Assert.Fail($"{e.Message}; the last answer: {seen}");
        }

        var sum = billing.GetProperty("total");
        Assert.Equal((3L, 1L), (sum.GetProperty("inboundCalls").GetInt64(), sum.GetProperty("outboundCalls").GetInt64()));
        Assert.Equal(14.0, sum.GetProperty("talkMinutes").GetDouble(), 10);     // 300 + 100 + 200 + 240 s
        Assert.Equal(2.0, sum.GetProperty("wrapUpMinutes").GetDouble(), 10);    // 60 + 20 + 40 s
        Assert.Equal(16.0, sum.GetProperty("handleMinutes").GetDouble(), 10);
        Assert.Equal((1L, 2L), (sum.GetProperty("meetingsSet").GetInt64(), sum.GetProperty("sales").GetInt64()));
        Assert.Equal(["meeting_set", "sale"], billing.GetProperty("billedCategories").EnumerateArray().Select(c => c.GetString()));
        var periods = billing.GetProperty("periods").EnumerateArray().ToList();
        Assert.Equal(4, periods.Sum(p => p.GetProperty("handledCalls").GetInt64()));

        var csv = Csv.Parse(await (await tenant.Admin.GetAsync($"/api/reporting/projects/{projectId}/billing?granularity=day&{range}&format=csv"))
            .Content.ReadAsByteArrayAsync());
        var totalRow = csv.Row("Start", "Total");
        Assert.Equal(("4", "14", "3"), (totalRow["HandledCalls"], totalRow["TalkMinutes"], totalRow["BilledOutcomes"]));
        Assert.Equal(1400 / 3600.0, Csv.Number(totalRow["StaffedAgentHours"]), 9);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T00:00:00\+0[12]:00$", csv.Records.First()["Start"]); // a Prague day, with its offset

        var month = await (await tenant.Admin.GetAsync($"/api/reporting/projects/{projectId}/billing")).JsonAsync();
        Assert.Equal("month", month.GetProperty("granularity").GetString());
        Assert.Single(month.GetProperty("periods").EnumerateArray());                    // this month of the project's calendar
        Assert.Equal(HttpStatusCode.BadRequest, (await tenant.Admin.GetAsync($"/api/reporting/projects/{projectId}/billing?granularity=15m&{range}")).StatusCode);
        var viewer = await platform.CreateUserAsync(tenant, [Roles.ClientViewer], [otherProject]);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/api/reporting/projects/{projectId}/billing?{range}")).StatusCode);
    }
}

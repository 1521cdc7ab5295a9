using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.EndToEnd.Tests.Queue;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Dialer;

/// <summary>
/// A campaign over the plans of the day of its agents, through the gateway against real PostgreSQL and RabbitMQ: each agent
/// draws their plan (the CRM holds its contacts for them), and the campaign dials every agent the contacts of their own plan,
/// never a contact on no plan; a plan campaign is refused as predictive.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class PlanCampaignTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task A_plan_campaign_dials_each_agent_the_contacts_of_their_own_plan_and_no_one_elses()
    {
        var world = await DialerWorld.CreateAsync(platform);
        for (var i = 0; i < 4; i++)
        {
            await world.ContactAsync($"Planned {i}");
        }
        var agents = new[] { await world.AgentAsync("Planner one"), await world.AgentAsync("Planner two") };
        var plans = new Dictionary<Guid, Guid>(); // contact -> the agent whose plan holds it
        foreach (var agent in agents)
        {
            foreach (var contact in await DrawPlanAsync(world, agent, limit: 2))
            {
                plans.Add(contact, agent.Id);
            }
        }
        Assert.Equal(4, plans.Count);
        var unplanned = await world.ContactAsync("On no plan");

        Assert.Equal(HttpStatusCode.BadRequest, (await world.Admin.PostAsJsonAsync("/api/queue/campaigns", new
        {
            projectId = world.ProjectId, name = "Plans, predictive", dialMode = "predictive", callerId = "+420 222 000 111",
            source = new { kind = "daily_plan" }, agentIds = agents.Select(a => a.Id).ToArray(),
        })).StatusCode);
        var campaignId = await world.CampaignAsync("progressive", agents, source: new { kind = "daily_plan" });
        var left = await (await world.Admin.GetAsync($"/api/queue/campaigns/{campaignId}/contacts-left")).JsonAsync();
        Assert.Equal((4, 4), (left.GetProperty("inSource").GetInt32(), left.GetProperty("dialableNow").GetInt32()));
        await world.StartAsync(campaignId);
        foreach (var agent in agents)
        {
            await QueueWorld.AvailableAsync(agent);
        }

        // Each dial reserves the agent whose plan holds the contact; a busy line frees the agent for the next of their plan.
        var dialedFor = new Dictionary<Guid, Guid>();
        while (dialedFor.Count < plans.Count)
        {
            var dials = await world.WaitForCommandsAsync("dial_out", dialedFor.Count + 1, "the next dial of a plan");
            foreach (var body in dials.Select(d => d.GetProperty("body")).Where(b => !dialedFor.ContainsKey(b.GetProperty("contactId").GetGuid())))
            {
                dialedFor[body.GetProperty("contactId").GetGuid()] = body.GetProperty("agentId").GetGuid();
                Assert.Equal("ended", (await (await world.ReportAsync(body.GetProperty("callId").GetGuid(), "busy")).JsonAsync()).GetProperty("status").GetString());
            }
        }
        Assert.Equal(plans.OrderBy(p => p.Key), dialedFor.OrderBy(p => p.Key));

        // Every plan worked through: the contact on no plan is never dialed, whoever is free.
        await Eventually.HoldsAsync(async () => (await world.FiguresAsync(campaignId)).GetProperty("agentsIdle").GetInt32() == 2,
            TimeSpan.FromSeconds(10), "both agents idle with their plans dialed");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var after = DialerWorld.Of(await world.ReadCommandsAsync(), "dial_out").Select(d => d.GetProperty("body").GetProperty("contactId").GetGuid()).ToList();
        Assert.Equal(plans.Count, after.Count);
        Assert.DoesNotContain(unplanned, after);
    }

    /// <summary>
    /// The agent draws their plan of the day for the project (the CRM holds its contacts for them), again until it is full: the
    /// CRM learns by event that the new agent works the project. A redraw keeps the agent's own contacts. Its contacts.
    /// </summary>
    private static async Task<Guid[]> DrawPlanAsync(DialerWorld world, QueueWorld.Agent agent, int limit)
    {
        Guid[] contacts = [];
        await Eventually.HoldsAsync(async () =>
        {
            var drawn = await agent.Client.PostAsJsonAsync("/api/clients/plan",
                new { date = DateTime.UtcNow.ToString("yyyy-MM-dd"), projectId = world.ProjectId, limit });
            Assert.True(drawn.IsSuccessStatusCode, await drawn.Content.ReadAsStringAsync());
            contacts = (await drawn.JsonAsync()).GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("contactId").GetGuid()).ToArray();
            return contacts.Length == limit;
        }, TimeSpan.FromSeconds(20), $"a plan of {limit} contacts for {agent.Id}");
        return contacts;
    }
}

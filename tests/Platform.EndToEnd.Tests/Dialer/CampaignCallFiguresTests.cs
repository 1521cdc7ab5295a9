using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.EndToEnd.Tests.Queue;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Dialer;

/// <summary>
/// A campaign's call lends its wrap-up from the project's queue but never waited in it: it counts for its agent and in the
/// call records as outbound, and not in the queue's inbound figures (a 0 s answer would lift the queue's service level).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CampaignCallFiguresTests(PlatformUnderTest platform)
{
    private static readonly string Today =
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Prague")).ToString("yyyy-MM-dd");

    [Fact]
    public async Task A_campaign_call_counts_for_its_agent_as_outbound_and_not_in_the_queues_inbound_figures()
    {
        var world = await DialerWorld.CreateAsync(platform);
        await world.ContactAsync("Lead");
        var agent = await world.AgentAsync("Closer");
        var campaignId = await world.CampaignAsync("progressive", [agent]);
        var queueId = (await (await world.Admin.GetAsync($"/api/queue/campaigns/{campaignId}")).JsonAsync()).GetProperty("queueId").GetGuid();
        await world.StartAsync(campaignId);
        await QueueWorld.AvailableAsync(agent);

        // The campaign's call: dialed for the agent, answered by a person, talked and wrapped up.
        var campaignCall = (await world.WaitForCommandsAsync("dial_out", 1, "the progressive dial"))[0].GetProperty("body").GetProperty("callId").GetGuid();
        Assert.True((await world.ReportAsync(campaignCall, "human")).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.OK, (await QueueWorld.HangUpAsync(agent, campaignCall)).StatusCode);
        Assert.True((await world.Admin.PostAsJsonAsync($"/api/queue/campaigns/{campaignId}/stop", new { })).IsSuccessStatusCode);
        Assert.True((await QueueWorld.WrapUpDoneAsync(agent, campaignCall)).IsSuccessStatusCode);

        // An inbound call in the same queue, answered by the same agent.
        (await world.Admin.PutAsJsonAsync($"/api/queue/queues/{queueId}/members", new[] { new { agentId = agent.Id, tier = 1 } })).EnsureSuccessStatusCode();
        var arrived = await world.Pbx.PostAsJsonAsync("/api/queue/calls", new { callerNumber = QueueWorld.UniqueNumber(), queueId });
        Assert.True(arrived.IsSuccessStatusCode, await arrived.Content.ReadAsStringAsync());
        var inboundCall = (await arrived.JsonAsync()).GetProperty("callId").GetGuid();
        await Eventually.HoldsAsync(async () => (await CallStatusAsync(world, inboundCall)) == "offered", TimeSpan.FromSeconds(10),
            "the inbound call is offered to the agent");
        Assert.True((await QueueWorld.AcceptAsync(agent, inboundCall)).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.OK, (await QueueWorld.HangUpAsync(agent, inboundCall)).StatusCode);
        Assert.True((await QueueWorld.WrapUpDoneAsync(agent, inboundCall)).IsSuccessStatusCode);

        // The agent handled two calls, one of each direction; the queue offered, answered and handled one.
        var directions = new Dictionary<Guid, string>();
        await Eventually.HoldsAsync(async () =>
        {
            var records = await (await world.Admin.GetAsync($"/api/reporting/calls?agentId={agent.Id}")).JsonAsync();
            directions = records.GetProperty("calls").EnumerateArray().Where(c => c.GetProperty("result").GetString() == "handled")
                .ToDictionary(c => c.GetProperty("callId").GetGuid(), c => c.GetProperty("direction").GetString()!);
            var day = await world.Admin.GetAsync($"/api/reporting/agents/{agent.Id}/days/{Today}");
            return directions.Count == 2 && day.IsSuccessStatusCode && (await day.JsonAsync()).GetProperty("callsHandled").GetInt64() == 2;
        }, TimeSpan.FromSeconds(30), "reporting has both of the agent's calls");
        Assert.Equal(new Dictionary<Guid, string> { [campaignCall] = "outbound", [inboundCall] = "inbound" }, directions);

        // Each event type is projected on its own: the queue's figures are read until the inbound call's three events are in.
        (long Offered, long Answered, long Handled) queue = default;
        await Eventually.HoldsAsync(async () =>
        {
            var total = (await (await world.Admin.GetAsync($"/api/reporting/queues/{queueId}/intervals?granularity=day&from={Today}")).JsonAsync())
                .GetProperty("total");
            queue = (total.GetProperty("offered").GetInt64(), total.GetProperty("answered").GetInt64(), total.GetProperty("handled").GetInt64());
            return queue.Offered >= 1 && queue.Answered >= 1 && queue.Handled >= 1;
        }, TimeSpan.FromSeconds(30), "the queue's figures have the inbound call");
        Assert.Equal((1L, 1L, 1L), queue);
    }

    private static async Task<string?> CallStatusAsync(DialerWorld world, Guid callId) =>
        (await (await world.Admin.GetAsync($"/api/queue/calls/{callId}")).JsonAsync()).GetProperty("status").GetString();
}

using System.Net;
using System.Text.Json;
using Platform.EndToEnd.Tests.Queue;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Dialer;

/// <summary>
/// Predictive plumbing through the gateway: dials without an agent (the PBX parks the answer), a person answered is
/// connected to a free agent of the campaign at once with a bridge, and a person with no agent free is dropped after
/// 2 s — the drop message, the hang-up, the abandon rate and the contact retried by the CRM's rules.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class PredictiveDialingTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task A_person_answered_reaches_a_free_agent_at_once_and_without_one_is_dropped_with_the_message()
    {
        var world = await DialerWorld.CreateAsync(platform);
        for (var i = 0; i < 4; i++)
        {
            await world.ContactAsync($"Lead {i}");
        }
        var agents = new[] { await world.AgentAsync("Closer one"), await world.AgentAsync("Closer two") };
        var campaignId = await world.CampaignAsync("predictive", agents);
        await world.StartAsync(campaignId);
        foreach (var agent in agents)
        {
            await QueueWorld.AvailableAsync(agent);
        }

        var dials = await world.WaitForCommandsAsync("dial_out", 2, "dials ahead of the free agents");
        Assert.All(dials, d => Assert.Equal(JsonValueKind.Null, d.GetProperty("body").GetProperty("agentId").ValueKind));
        Assert.All(dials, d => Assert.Equal("predictive", d.GetProperty("body").GetProperty("purpose").GetString()));
        Assert.Equal(2, dials.Select(d => d.GetProperty("body").GetProperty("contactId").GetGuid()).Distinct().Count());
        Assert.All(agents, a => Assert.Equal("available", world.AgentStateAsync(a).GetAwaiter().GetResult()));

        // A person answers: connected at once to a free agent, bridged, on a call row of the attempt's id.
        var first = dials[0].GetProperty("body").GetProperty("callId").GetGuid();
        var connected = await (await world.ReportAsync(first, "human")).JsonAsync();
        Assert.Equal("connected", connected.GetProperty("status").GetString());
        var taker = connected.GetProperty("agentId").GetGuid();
        Assert.Contains(taker, agents.Select(a => a.Id));
        var bridge = DialerWorld.Of(await world.ReadCommandsAsync(), "bridge").Single(b => b.GetProperty("callId").GetGuid() == first);
        Assert.Equal(taker, bridge.GetProperty("body").GetProperty("agentId").GetGuid());
        Assert.Equal("on_call", (await (await world.Admin.GetAsync($"/api/queue/calls/{first}")).JsonAsync()).GetProperty("status").GetString());

        // The other agent goes on a break; the next person to answer finds nobody: dropped after 2 s with the message.
        var other = agents.Single(a => a.Id != taker);
        Assert.True((await QueueWorld.SetStateAsync(other, "break", "lunch")).IsSuccessStatusCode);
        var second = dials[1].GetProperty("body");
        var secondCall = second.GetProperty("callId").GetGuid();
        Assert.Equal("answered", (await (await world.ReportAsync(secondCall, "human")).JsonAsync()).GetProperty("status").GetString());
        var ends = await world.WaitForCommandsAsync("end_call", 1, "the dropped call hung up");
        var announce = DialerWorld.Of(await world.ReadCommandsAsync(), "announce").Single();
        Assert.Equal((secondCall, "drop"), (announce.GetProperty("callId").GetGuid(), announce.GetProperty("body").GetProperty("message").GetString()));
        Assert.Equal(secondCall, ends.Single().GetProperty("callId").GetGuid());
        var commands = await world.ReadCommandsAsync();
        Assert.True(commands.ToList().FindIndex(c => c.GetProperty("kind").GetString() == "announce")
                    < commands.ToList().FindIndex(c => c.GetProperty("kind").GetString() == "end_call"), "the message plays before the hang-up");
        Assert.Equal(HttpStatusCode.Conflict, (await world.ReportAsync(secondCall, "busy")).StatusCode);

        var contact = second.GetProperty("contactId").GetGuid();
        await Eventually.HoldsAsync(async () => (await world.OutcomesAsync(contact)).Length == 1, TimeSpan.FromSeconds(20), "the CRM records the drop");
        Assert.Equal(("no_answer", "dropped"), (await world.OutcomesAsync(contact))[0]);
        Assert.Null(await world.LeaseHolderAsync(contact));

        var figures = await world.FiguresAsync(campaignId);
        Assert.Equal((1, 1, 2, 50.0), (figures.GetProperty("connected").GetInt32(), figures.GetProperty("dropped").GetInt32(),
            figures.GetProperty("peopleReached").GetInt32(), figures.GetProperty("abandonRatePercent").GetDouble()));
        Assert.Equal(3.0, figures.GetProperty("abandonCapPercent").GetDouble());
    }
}

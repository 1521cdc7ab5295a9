using System.Net;
using System.Net.Http.Json;
using Platform.EndToEnd.Tests.Queue;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Dialer;

/// <summary>Preview through the gateway: the agent reads the card first, then dials (with them reserved) or skips with a reason.</summary>
[Collection(PlatformCollection.Name)]
public sealed class PreviewDialingTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task An_agent_previews_a_contact_skips_it_with_a_reason_then_dials_the_next()
    {
        var world = await DialerWorld.CreateAsync(platform);
        var first = await world.ContactAsync("Jana Nováková");
        var second = await world.ContactAsync("Petr Svoboda");
        var agent = await world.AgentAsync("Previewer");
        var outsider = await world.AgentAsync("Not in the campaign");
        var campaignId = await world.CampaignAsync("preview", [agent]);

        var beforeStart = await agent.Client.PostAsJsonAsync($"/api/queue/campaigns/{campaignId}/preview", new { });
        Assert.Equal(HttpStatusCode.Conflict, beforeStart.StatusCode);
        await world.StartAsync(campaignId);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.PostAsJsonAsync($"/api/queue/campaigns/{campaignId}/preview", new { })).StatusCode);

        var preview = await (await agent.Client.PostAsJsonAsync($"/api/queue/campaigns/{campaignId}/preview", new { })).JsonAsync();
        var dialId = preview.GetProperty("id").GetGuid();
        var previewed = preview.GetProperty("contactId").GetGuid();
        Assert.Contains(previewed, new[] { first, second });
        Assert.Equal(("previewing", "Europe/Prague"), (preview.GetProperty("status").GetString(), preview.GetProperty("timeZone").GetString()));
        Assert.Equal(dialId, (await (await agent.Client.PostAsJsonAsync($"/api/queue/campaigns/{campaignId}/preview", new { })).JsonAsync()).GetProperty("id").GetGuid());
        Assert.Equal(campaignId, await world.LeaseHolderAsync(previewed));
        Assert.Empty(DialerWorld.Of(await world.ReadCommandsAsync(), "dial_out"));   // nothing is dialed before the agent says so

        Assert.Equal(HttpStatusCode.BadRequest, (await agent.Client.PostAsJsonAsync($"/api/queue/campaign-dials/{dialId}/skip", new { reason = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.PostAsJsonAsync($"/api/queue/campaign-dials/{dialId}/skip", new { reason = "mine" })).StatusCode);
        var skipped = await (await agent.Client.PostAsJsonAsync($"/api/queue/campaign-dials/{dialId}/skip", new { reason = "The company closed down" })).JsonAsync();
        Assert.Equal(("skipped", "The company closed down"), (skipped.GetProperty("status").GetString(), skipped.GetProperty("skipReason").GetString()));
        await Eventually.HoldsAsync(async () => await world.LeaseHolderAsync(previewed) is null, TimeSpan.FromSeconds(20), "the skip ends the lease");
        Assert.Empty(await world.OutcomesAsync(previewed));   // a skip is no attempt on the contact

        var next = await (await agent.Client.PostAsJsonAsync($"/api/queue/campaigns/{campaignId}/preview", new { })).JsonAsync();
        var nextDial = next.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await agent.Client.PostAsync($"/api/queue/campaign-dials/{nextDial}/dial", null)).StatusCode); // not available yet
        await QueueWorld.AvailableAsync(agent);
        var dialing = await (await agent.Client.PostAsync($"/api/queue/campaign-dials/{nextDial}/dial", null)).JsonAsync();
        Assert.Equal("ringing", dialing.GetProperty("status").GetString());
        var dialOut = DialerWorld.Of(await world.ReadCommandsAsync(), "dial_out").Single().GetProperty("body");
        Assert.Equal(("preview", agent.Id, nextDial), (dialOut.GetProperty("purpose").GetString(), dialOut.GetProperty("agentId").GetGuid(), dialOut.GetProperty("callId").GetGuid()));
        Assert.Equal("on_call", await world.AgentStateAsync(agent));
        Assert.Equal(HttpStatusCode.Conflict, (await agent.Client.PostAsJsonAsync($"/api/queue/campaign-dials/{nextDial}/skip", new { reason = "too late" })).StatusCode);

        Assert.Equal("ended", (await (await world.ReportAsync(nextDial, "answering_machine")).JsonAsync()).GetProperty("status").GetString());
        Assert.Equal("available", await world.AgentStateAsync(agent));
        var contact = next.GetProperty("contactId").GetGuid();
        await Eventually.HoldsAsync(async () => (await world.OutcomesAsync(contact)).Length == 1, TimeSpan.FromSeconds(20), "the machine is recorded");
        Assert.Equal(("answering_machine", "answering_machine"), (await world.OutcomesAsync(contact))[0]);
    }
}

using System.Net;
using System.Net.Http.Json;
using Platform.EndToEnd.Tests.Queue;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Dialer;

/// <summary>
/// A progressive campaign end to end through the gateway, real PostgreSQL and RabbitMQ: one dial per free agent with the
/// agent reserved, the CRM leasing the contacts it checked at that moment, results mapped to the recycling rules, the
/// agent's outcome ending the lease, and a stop that ends it all.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ProgressiveDialingTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task A_progressive_campaign_dials_one_contact_per_free_agent_and_follows_each_result_to_its_end()
    {
        var world = await DialerWorld.CreateAsync(platform);
        var contacts = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            contacts.Add(await world.ContactAsync($"Contact {i}"));
        }
        var withoutConsent = await world.ContactAsync("No consent", consent: false);
        var agents = new[] { await world.AgentAsync("Dialer one"), await world.AgentAsync("Dialer two") };
        var campaignId = await world.CampaignAsync("progressive", agents);
        await world.StartAsync(campaignId);
        foreach (var agent in agents)
        {
            await QueueWorld.AvailableAsync(agent);
        }

        // Two agents free: two dials, each with its own agent reserved and its own contact; the agent is on the call.
        var dials = await world.WaitForCommandsAsync("dial_out", 2, "a dial_out per free agent");
        Assert.Equal(2, dials.Count);
        Assert.All(dials, d => Assert.Equal("progressive", d.GetProperty("body").GetProperty("purpose").GetString()));
        Assert.All(dials, d => Assert.Equal("+420222000111", d.GetProperty("body").GetProperty("callerId").GetString()));
        var reserved = dials.Select(d => d.GetProperty("body").GetProperty("agentId").GetGuid()).ToList();
        Assert.Equal(agents.Select(a => a.Id).Order(), reserved.Order());
        var dialed = dials.Select(d => d.GetProperty("body").GetProperty("contactId").GetGuid()).ToList();
        Assert.Equal(2, dialed.Distinct().Count());
        Assert.All(dialed, c => Assert.Contains(c, contacts));
        Assert.DoesNotContain(withoutConsent, dialed);
        foreach (var leased in dialed)
        {
            Assert.Equal(campaignId, await world.LeaseHolderAsync(leased));
        }
        Assert.All(agents, a => Assert.Equal("on_call", world.AgentStateAsync(a).GetAwaiter().GetResult()));

        // A person answers the first: the reserved agent talks to them; the agent's outcome (a personal callback tomorrow: theirs,
        // not the campaign's) ends the lease.
        var first = dials[0].GetProperty("body");
        var firstCall = first.GetProperty("callId").GetGuid();
        var firstAgent = agents.Single(a => a.Id == first.GetProperty("agentId").GetGuid());
        var answered = await world.ReportAsync(firstCall, "human");
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal("connected", (await answered.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await world.ReportAsync(firstCall, "human")).StatusCode);          // a repeat answers the same
        Assert.Equal(HttpStatusCode.Conflict, (await world.ReportAsync(firstCall, "busy")).StatusCode);     // another result does not
        var call = await (await world.Admin.GetAsync($"/api/queue/calls/{firstCall}")).JsonAsync();
        Assert.Equal(("on_call", firstAgent.Id), (call.GetProperty("status").GetString(), call.GetProperty("agentId").GetGuid()));
        Assert.Equal(HttpStatusCode.OK, (await QueueWorld.HangUpAsync(firstAgent, firstCall)).StatusCode);
        var outcome = await firstAgent.Client.PostAsJsonAsync($"/api/clients/contacts/{first.GetProperty("contactId").GetGuid()}/outcomes",
            new { disposition = "callback", callId = firstCall, nextContactAt = DateTimeOffset.UtcNow.AddDays(1), personalCallback = true });
        Assert.True(outcome.IsSuccessStatusCode, await outcome.Content.ReadAsStringAsync());
        Assert.Null(await world.LeaseHolderAsync(first.GetProperty("contactId").GetGuid()));

        // The second is busy: the agent is free at once (nobody talked), the CRM records busy and rests the contact, and the
        // free agent gets the third contact.
        var second = dials[1].GetProperty("body");
        var secondAgent = agents.Single(a => a.Id == second.GetProperty("agentId").GetGuid());
        var secondContact = second.GetProperty("contactId").GetGuid();
        Assert.Equal("ended", (await (await world.ReportAsync(second.GetProperty("callId").GetGuid(), "busy")).JsonAsync()).GetProperty("status").GetString());
        await Eventually.HoldsAsync(async () => (await world.OutcomesAsync(secondContact)).Length == 1, TimeSpan.FromSeconds(20), "the CRM records the busy line");
        Assert.Equal(("busy", "busy"), (await world.OutcomesAsync(secondContact))[0]);
        Assert.Null(await world.LeaseHolderAsync(secondContact));
        var contact = await (await world.Admin.GetAsync($"/api/clients/contacts/{secondContact}")).JsonAsync();
        Assert.True(contact.GetProperty("nextContactAt").GetDateTime() > DateTime.UtcNow.AddMinutes(20), "a busy line rests 30 minutes");

        var third = (await world.WaitForCommandsAsync("dial_out", 3, "the free agent's next dial"))[2].GetProperty("body");
        Assert.Equal(secondAgent.Id, third.GetProperty("agentId").GetGuid());
        Assert.Equal(contacts.Except(dialed).Single(), third.GetProperty("contactId").GetGuid());

        // Stop: no more dials; the ringing one still ends with its result; the campaign's leases end.
        Assert.Equal(HttpStatusCode.OK, (await world.Admin.PostAsJsonAsync($"/api/queue/campaigns/{campaignId}/stop", new { reason = "list done" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await world.Admin.PostAsJsonAsync($"/api/queue/campaigns/{campaignId}/start", new { })).StatusCode);
        await Eventually.HoldsAsync(async () => await world.LeaseHolderAsync(third.GetProperty("contactId").GetGuid()) is null,
            TimeSpan.FromSeconds(20), "the stopped campaign's leases end");
        Assert.Equal(HttpStatusCode.OK, (await world.ReportAsync(third.GetProperty("callId").GetGuid(), "no_answer")).StatusCode);
        Assert.Equal("available", await world.AgentStateAsync(secondAgent));

        var figures = await world.FiguresAsync(campaignId);
        Assert.Equal(("stopped", 3, 1, 0), (figures.GetProperty("state").GetString(), figures.GetProperty("dialed").GetInt32(),
            figures.GetProperty("connected").GetInt32(), figures.GetProperty("ringing").GetInt32()));
        Assert.Equal(3, DialerWorld.Of(await world.ReadCommandsAsync(), "dial_out").Count);
    }
}

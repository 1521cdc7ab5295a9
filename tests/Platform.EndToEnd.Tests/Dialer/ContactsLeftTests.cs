using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.EndToEnd.Tests.Queue;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Dialer;

/// <summary>
/// A campaign's contacts left, through the gateway: the queue service asks the CRM, which counts every contact of the
/// source by the dial-time check — dialable now, and the others by the reason they cannot be dialed today.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ContactsLeftTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task A_campaigns_contacts_left_count_the_dialable_ones_and_every_other_by_its_reason()
    {
        var world = await DialerWorld.CreateAsync(platform);
        (await world.Admin.PutAsJsonAsync($"/api/clients/projects/{world.ProjectId}/recycling", new { maxAttempts = 2, maxAttemptsPerDay = 2 })).EnsureSuccessStatusCode();
        var dialable = new[] { await world.ContactAsync("Dialable one"), await world.ContactAsync("Dialable two"), await world.ContactAsync("Dialable three") };
        await world.ContactAsync("No consent", consent: false);
        var asked = await world.ContactAsync("Asked not to be called");
        await OutcomeAsync(world, asked, new { disposition = "do_not_call" });
        var tried = await world.ContactAsync("Tried twice");
        await OutcomeAsync(world, tried, new { disposition = "no_answer" });
        await OutcomeAsync(world, tried, new { disposition = "no_answer" });
        var later = await world.ContactAsync("Call me next week");
        await OutcomeAsync(world, later, new { disposition = "callback", nextContactAt = DateTimeOffset.UtcNow.AddDays(3) });
        var agent = await world.AgentAsync("Previewer");
        var campaignId = await world.CampaignAsync("preview", [agent]);

        var before = await ContactsLeftAsync(world, campaignId);
        Assert.Equal((7, 3, 3, 0), (Int(before, "inSource"), Int(before, "leftToday"), Int(before, "dialableNow"), Int(before, "dialableLaterToday")));
        Assert.Equal(new Dictionary<string, int>
        {
            ["doNotCall"] = 1, ["noConsent"] = 1, ["outsideWindow"] = 0, ["attemptsUsedUp"] = 1, ["recycledForLater"] = 1, ["closed"] = 0, ["held"] = 0,
        }, Reasons(before));

        // One contact's number is a fax line (closed); the next one is on the agent's screen (held by the campaign's lease).
        await world.StartAsync(campaignId);
        await QueueWorld.AvailableAsync(agent);
        var fax = await (await agent.Client.PostAsJsonAsync($"/api/queue/campaigns/{campaignId}/preview", new { })).JsonAsync();
        Assert.Equal(HttpStatusCode.OK, (await agent.Client.PostAsync($"/api/queue/campaign-dials/{fax.GetProperty("id").GetGuid()}/dial", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await world.ReportAsync(fax.GetProperty("id").GetGuid(), "fax")).StatusCode);
        var faxContact = fax.GetProperty("contactId").GetGuid();
        await Eventually.HoldsAsync(async () => (await world.OutcomesAsync(faxContact)).Length == 1 && await world.LeaseHolderAsync(faxContact) is null,
            TimeSpan.FromSeconds(20), "the CRM closes the fax line");
        var previewed = await (await agent.Client.PostAsJsonAsync($"/api/queue/campaigns/{campaignId}/preview", new { })).JsonAsync();
        Assert.Contains(previewed.GetProperty("contactId").GetGuid(), dialable);

        var after = await ContactsLeftAsync(world, campaignId);
        Assert.Equal((7, 1, 1), (Int(after, "inSource"), Int(after, "leftToday"), Int(after, "dialableNow")));
        Assert.Equal(new Dictionary<string, int>
        {
            ["doNotCall"] = 1, ["noConsent"] = 1, ["outsideWindow"] = 0, ["attemptsUsedUp"] = 1, ["recycledForLater"] = 1, ["closed"] = 1, ["held"] = 1,
        }, Reasons(after));
        Assert.False(after.GetProperty("truncated").GetBoolean());

        // A VIP-only search has no contact in this list; an unknown campaign is 404.
        var vipOnly = await world.CampaignAsync("progressive", [agent], source: new { kind = "search", vipOnly = true });
        Assert.Equal(0, Int(await ContactsLeftAsync(world, vipOnly), "inSource"));
        Assert.Equal(HttpStatusCode.NotFound, (await world.Admin.GetAsync($"/api/queue/campaigns/{Guid.NewGuid()}/contacts-left")).StatusCode);
    }

    private static async Task OutcomeAsync(DialerWorld world, Guid contactId, object outcome)
    {
        var recorded = await world.Admin.PostAsJsonAsync($"/api/clients/contacts/{contactId}/outcomes", outcome);
        Assert.True(recorded.IsSuccessStatusCode, await recorded.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> ContactsLeftAsync(DialerWorld world, Guid campaignId)
    {
        var answer = await world.Admin.GetAsync($"/api/queue/campaigns/{campaignId}/contacts-left");
        Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
        return await answer.JsonAsync();
    }

    private static int Int(JsonElement e, string name) => e.GetProperty(name).GetInt32();

    private static Dictionary<string, int> Reasons(JsonElement e) =>
        e.GetProperty("notDialableToday").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
}

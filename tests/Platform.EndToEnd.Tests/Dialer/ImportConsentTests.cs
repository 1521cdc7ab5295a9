using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.EndToEnd.Tests.Crm;
using Platform.EndToEnd.Tests.Security;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Dialer;

/// <summary>
/// A call list uploaded with the consent it came with, through the gateway: each contact the import creates gets the
/// consent in its ledger, so a campaign over the project can dial them; a number already in the project keeps its own
/// (here: none, so it stays undialable); a consent that does not say what, where or until when refuses the upload.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ImportConsentTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task The_lists_consent_is_recorded_for_the_contacts_it_creates_and_a_campaign_can_dial_them()
    {
        var world = await DialerWorld.CreateAsync(platform);
        var existingPhone = DialerWorld.UniqueMobile();
        var existing = (await CrmWorld.ContactAsync(world.Tenant, world.ProjectId, "Already here", existingPhone, consent: false)).GetProperty("id").GetGuid();
        var (first, second) = (DialerWorld.UniqueMobile(), DialerWorld.UniqueMobile());
        var csv = $"name,phone\nJana Nováková,{first}\nPetr Svoboda,{second}\nAlready Here Again,{existingPhone}\n";
        var form = Samples.CallList(csv);
        form.Add(new StringContent("""{"purposes":["data_processing","calls"],"source":"Acme web form, opt-in 2026","expiresAt":"2099-01-01T00:00:00Z"}"""), "consent");

        var job = await CrmWorld.ImportAsync(world.Tenant, world.ProjectId, form);

        Assert.Equal(("done", 2, 1), (job.GetProperty("status").GetString(), job.GetProperty("imported").GetInt32(), job.GetProperty("duplicates").GetInt32()));
        var consent = job.GetProperty("consent");
        Assert.Equal(["data_processing", "calls"], consent.GetProperty("purposes").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("Acme web form, opt-in 2026", consent.GetProperty("source").GetString());
        var contacts = await (await world.Admin.GetAsync($"/api/clients/projects/{world.ProjectId}/contacts")).JsonAsync();
        foreach (var phone in new[] { first, second })
        {
            var id = contacts.EnumerateArray().Single(c => c.GetProperty("phone").GetString() == phone).GetProperty("id").GetGuid();
            var ledger = await (await world.Admin.GetAsync($"/api/clients/contacts/{id}/consents")).JsonAsync();
            Assert.Equal(["calls", "data_processing"], ledger.EnumerateArray().Select(e => e.GetProperty("purpose").GetString()).Order());
            Assert.All(ledger.EnumerateArray(), e =>
            {
                Assert.True(e.GetProperty("granted").GetBoolean());
                Assert.Equal("Acme web form, opt-in 2026", e.GetProperty("source").GetString());
                Assert.Equal(new DateTime(2099, 1, 1), e.GetProperty("expiresAt").GetDateTime().ToUniversalTime());
                Assert.Equal(CrmWorld.UserIdOf(world.Admin), e.GetProperty("recordedBy").GetGuid());
            });
            Assert.Empty(await CrmWorld.WhyNotAsync(world.Tenant, id));
        }
        Assert.Empty((await (await world.Admin.GetAsync($"/api/clients/contacts/{existing}/consents")).JsonAsync()).EnumerateArray());

        var agent = await world.AgentAsync("Importer's agent");
        var campaignId = await world.CampaignAsync("preview", [agent]);
        var left = await (await world.Admin.GetAsync($"/api/queue/campaigns/{campaignId}/contacts-left")).JsonAsync();
        Assert.Equal((3, 2), (left.GetProperty("inSource").GetInt32(), left.GetProperty("dialableNow").GetInt32()));
        Assert.Equal(1, left.GetProperty("notDialableToday").GetProperty("noConsent").GetInt32());
    }

    [Fact]
    public async Task An_upload_whose_consent_says_nothing_usable_is_refused_and_imports_nothing()
    {
        var world = await DialerWorld.CreateAsync(platform);
        var form = Samples.CallList($"name,phone\nJana Nováková,{DialerWorld.UniqueMobile()}\n");
        form.Add(new StringContent("""{"purposes":["calls","marketing"],"source":"","expiresAt":"2020-01-01T00:00:00Z"}"""), "consent");

        var refused = await world.Admin.PostAsync($"/api/clients/projects/{world.ProjectId}/imports", form);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.JsonAsync()).GetProperty("errors");
        Assert.Equal(["consent.expiresAt", "consent.purposes", "consent.source"], errors.EnumerateObject().Select(e => e.Name).Order());
        var notJson = Samples.CallList($"name,phone\nJana Nováková,{DialerWorld.UniqueMobile()}\n");
        notJson.Add(new StringContent("yes, they agreed"), "consent");
        var unreadable = await world.Admin.PostAsync($"/api/clients/projects/{world.ProjectId}/imports", notJson);
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.True((await unreadable.JsonAsync()).GetProperty("errors").TryGetProperty("consent", out _));
        await Task.Delay(TimeSpan.FromSeconds(2)); // an import the API had accepted would be running by now
        Assert.Empty((await (await world.Admin.GetAsync($"/api/clients/projects/{world.ProjectId}/contacts")).JsonAsync()).EnumerateArray());
    }
}

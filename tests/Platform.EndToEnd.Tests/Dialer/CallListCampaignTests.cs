using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.EndToEnd.Tests.Crm;
using Platform.EndToEnd.Tests.Queue;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Dialer;

/// <summary>
/// A campaign over one call list, through the gateway: the queue service checks with the CRM that the list is the
/// project's before it makes the campaign; the CRM counts and leases only the contacts that import created.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CallListCampaignTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task A_campaign_over_one_call_list_counts_and_dials_only_the_contacts_that_list_created()
    {
        var world = await DialerWorld.CreateAsync(platform);
        var december = await ImportAsync(world, "december.csv", ["Jana Nováková"]);
        var january = await ImportAsync(world, "january.csv", ["Petr Svoboda", "Eva Dvořáková", "Karel Novák"]);
        await world.ContactAsync("Entered by hand");

        var lists = await (await world.Admin.GetAsync($"/api/clients/projects/{world.ProjectId}/imports")).JsonAsync();
        Assert.Equal(["january.csv", "december.csv"], lists.EnumerateArray().Select(l => l.GetProperty("fileName").GetString()));
        Assert.Equal([3, 1], lists.EnumerateArray().Select(l => l.GetProperty("imported").GetInt32()));

        var agent = await world.AgentAsync("List caller");
        var campaignId = await world.CampaignAsync("preview", [agent], source: new { kind = "call_list", callListId = december });
        var campaign = await (await world.Admin.GetAsync($"/api/queue/campaigns/{campaignId}")).JsonAsync();
        Assert.Equal(december, campaign.GetProperty("source").GetProperty("callListId").GetGuid());
        Assert.Equal((1, 1), await LeftAsync(world, campaignId));
        var wholeProject = await world.CampaignAsync("progressive", [agent]);
        Assert.Equal((5, 5), await LeftAsync(world, wholeProject));
        var vipsOfJanuary = await world.CampaignAsync("progressive", [agent], source: new { kind = "call_list", callListId = january, vipOnly = true });
        Assert.Equal((0, 0), await LeftAsync(world, vipsOfJanuary));

        await world.StartAsync(campaignId);
        await QueueWorld.AvailableAsync(agent);
        var preview = await (await agent.Client.PostAsJsonAsync($"/api/queue/campaigns/{campaignId}/preview", new { })).JsonAsync();
        var contacts = await (await world.Admin.GetAsync($"/api/clients/projects/{world.ProjectId}/contacts?name=jana")).JsonAsync();
        Assert.Equal(Assert.Single(contacts.EnumerateArray()).GetProperty("id").GetGuid(), preview.GetProperty("contactId").GetGuid());
    }

    [Fact]
    public async Task A_call_list_that_is_not_the_projects_is_refused_at_once_and_no_campaign_is_made()
    {
        var world = await DialerWorld.CreateAsync(platform);
        var other = await DialerWorld.CreateAsync(platform);
        var othersList = await ImportAsync(other, "other.csv", ["Someone Else"]);

        foreach (var (source, why) in new (object Source, string Why)[]
                 {
                     (new { kind = "call_list", callListId = Guid.NewGuid() }, "no such list"),
                     (new { kind = "call_list", callListId = othersList }, "another tenant's list"),
                     (new { kind = "call_list" }, "no list named"),
                 })
        {
            var refused = await world.Admin.PostAsJsonAsync("/api/queue/campaigns", new
            {
                projectId = world.ProjectId, name = $"Wrong list {Guid.NewGuid():N}"[..30], dialMode = "progressive", callerId = "+420 222 000 111", source,
            });
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, why);
            Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("source.callListId", out _), why);
        }
        Assert.Empty((await (await world.Admin.GetAsync($"/api/queue/campaigns?projectId={world.ProjectId}")).JsonAsync()).EnumerateArray());
    }

    private static async Task<Guid> ImportAsync(DialerWorld world, string fileName, string[] names)
    {
        var csv = "name,phone\n" + string.Join("\n", names.Select(n => $"{n},{DialerWorld.UniqueMobile()}"));
        var form = new MultipartFormDataContent { { new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"), "file", fileName } };
        form.Add(new StringContent("""{"purposes":["data_processing","calls"],"source":"test list"}"""), "consent");
        var job = await CrmWorld.ImportAsync(world.Tenant, world.ProjectId, form);
        Assert.Equal("done", job.GetProperty("status").GetString());
        return job.GetProperty("id").GetGuid();
    }

    private static async Task<(int InSource, int DialableNow)> LeftAsync(DialerWorld world, Guid campaignId)
    {
        var left = await (await world.Admin.GetAsync($"/api/queue/campaigns/{campaignId}/contacts-left")).JsonAsync();
        return (left.GetProperty("inSource").GetInt32(), left.GetProperty("dialableNow").GetInt32());
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Platform.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Browser;

/// <summary>
/// The admin's queue page (/admin/queues): the queue length, the rule with no agent signed in and how short abandons
/// count are set in the browser; what the form does not show (the numbers dialled into the queue, ring-no-answer pausing)
/// stays as it was; a setting the queue refuses is shown and changes nothing.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class QueueSetupTests(WebPlatform platform) : BrowserTest(platform)
{
    [Fact]
    public async Task An_admin_sets_the_queue_length_the_no_agent_rule_and_short_abandons_and_the_queue_keeps_what_the_form_does_not_show()
    {
        var tenant = await Platform.CreateTenantAsync("q");
        var admin = tenant.Admin;
        var projectId = await CallCenter.IdOf(await admin.PostAsJsonAsync("/api/clients/projects", new { name = "Initech hotline", direction = "inbound", timeZone = "Europe/Prague" }));
        var queueId = await CallCenter.DefaultQueueAsync(admin, projectId);
        var number = $"+42022{Random.Shared.Next(1_000_000, 9_999_999)}";
        (await admin.PutAsJsonAsync($"/api/queue/queues/{queueId}", new { dialledNumbers = new[] { number }, pauseOnRingNoAnswer = false }))
            .EnsureSuccessStatusCode();
        var queueName = (await Queue()).GetProperty("name").GetString()!;

        var page = await Browser.NewPageAsync(Platform.BrowserAddress);
        await Pages.SignInAsync(page, tenant.Slug, "admin", tenant.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Queues" }).ClickAsync();
        var form = page.GetByRole(AriaRole.Form, new() { Name = queueName });
        await Expect(form.GetByLabel("Short abandons in the abandonment rate")).ToHaveValueAsync("counted");
        await Expect(form.GetByLabel("Short abandon: hung up within (s)")).ToHaveValueAsync("5");

        await form.GetByLabel("Most calls waiting").FillAsync("40");
        await form.GetByLabel("With no agent signed in").SelectOptionAsync("reject");
        await form.GetByLabel("Short abandon: hung up within (s)").FillAsync("8");
        await form.GetByLabel("Short abandons in the abandonment rate").SelectOptionAsync("excluded");
        await Pages.AssertAccessibleAsync(page);
        await form.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(form.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved.");

        var saved = await Queue();
        Assert.Equal(40, saved.GetProperty("maxLength").GetInt32());
        Assert.Equal("reject", saved.GetProperty("whenNoAgents").GetString());
        Assert.Equal(8, saved.GetProperty("shortAbandonSeconds").GetInt32());
        Assert.Equal("excluded", saved.GetProperty("shortAbandons").GetString());
        Assert.Equal([number], saved.GetProperty("dialledNumbers").EnumerateArray().Select(n => n.GetString()));
        Assert.False(saved.GetProperty("pauseOnRingNoAnswer").GetBoolean());

        // Read back after a reload: the page shows what the queue holds.
        await page.ReloadAsync();
        form = page.GetByRole(AriaRole.Form, new() { Name = queueName });
        await Expect(form.GetByLabel("Short abandons in the abandonment rate")).ToHaveValueAsync("excluded");
        await Expect(form.GetByLabel("Most calls waiting")).ToHaveValueAsync("40");

        // Overflowing with no agent needs a queue to overflow to: the queue's answer is shown, and nothing changes.
        await form.GetByLabel("With no agent signed in").SelectOptionAsync("overflow");
        await form.GetByLabel("Short abandon: hung up within (s)").FillAsync("3");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(form.GetByRole(AriaRole.Status)).ToContainTextAsync("An overflow queue is needed");
        var unchanged = await Queue();
        Assert.Equal("reject", unchanged.GetProperty("whenNoAgents").GetString());
        Assert.Equal(8, unchanged.GetProperty("shortAbandonSeconds").GetInt32());

        async Task<JsonElement> Queue() => (await admin.GetFromJsonAsync<JsonElement>($"/api/queue/queues/{queueId}")).GetProperty("queue");
    }
}

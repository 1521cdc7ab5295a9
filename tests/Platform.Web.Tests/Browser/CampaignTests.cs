using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Browser;

/// <summary>
/// Outbound campaigns in the browser (docs/dialer.md): the admin's campaign page (create, start, pause, stop, live figures),
/// the wallboard's campaign tiles, and the agent's preview dialing with the campaign call popping like an inbound one.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class CampaignTests(WebPlatform platform) : BrowserTest(platform)
{
    [Fact]
    public async Task An_admin_creates_and_starts_a_campaign_watches_its_figures_on_its_page_and_the_wallboard_then_pauses_and_stops_it()
    {
        var center = await CampaignCenter.CreateAsync(Platform, "Winter renewals");
        await center.ContactAsync("Jana Nováková");
        var page = await Browser.NewPageAsync(Platform.BrowserAddress);
        await Pages.SignInAsync(page, center.Tenant.Slug, "admin", center.Tenant.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Campaigns" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New campaign" })).ToBeVisibleAsync();

        // Bad input is refused with the reason on its field, nothing made.
        var form = page.Locator("form.campaign-form");
        await form.GetByLabel("Project").SelectOptionAsync(new SelectOptionValue { Label = "Winter renewals" });
        await form.GetByLabel("Name", new() { Exact = true }).FillAsync("Renewals December");
        await form.GetByLabel("Dial mode").SelectOptionAsync("progressive");
        await form.GetByLabel("Caller ID").FillAsync("12");
        await form.GetByLabel("Olga Outbound").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Create the campaign" }).ClickAsync();
        await Expect(page.Locator("#callerId-error")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("campaign")).ToHaveCountAsync(0);

        await form.GetByLabel("Caller ID").FillAsync(CampaignCenter.CallerId);
        await form.GetByRole(AriaRole.Button, new() { Name = "Create the campaign" }).ClickAsync();
        var campaign = page.GetByTestId("campaign");
        await Expect(campaign).ToHaveCountAsync(1);
        await Expect(campaign.GetByTestId("campaign-state")).ToHaveTextAsync("Draft");
        await Expect(campaign.GetByTestId("campaign-left")).ToHaveTextAsync("1 (1 now · 0 later today)");   // the CRM's count of its list
        await campaign.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Expect(campaign.GetByTestId("campaign-state")).ToHaveTextAsync("Running");

        // The agent goes available: one progressive dial with the agent reserved; the person answers.
        using var agent = Platform.Gateway.CreateClient();
        TestTenant.WithToken(agent, await Platform.SignInAsync(center.Tenant.Slug, CampaignCenter.Agent, CampaignCenter.Password));
        (await agent.PutAsJsonAsync($"/api/queue/agents/{center.AgentId}/state", new { state = "available" })).EnsureSuccessStatusCode();
        var dial = await center.NextCommandAsync("dial_out");
        Assert.Equal("progressive", dial.GetProperty("purpose").GetString());
        await center.ReportAsync(dial.GetProperty("callId").GetGuid(), "human");

        await Expect(campaign.GetByTestId("campaign-dialed")).ToHaveTextAsync("1");
        await Expect(campaign.GetByTestId("campaign-connected")).ToHaveTextAsync("1");
        await Expect(campaign.GetByTestId("campaign-dropped")).ToHaveTextAsync("0");
        await Expect(campaign.GetByTestId("campaign-abandon")).ToContainTextAsync("cap 3 %");
        await Pages.AssertAccessibleAsync(page);
        await Screenshots.TakeAsync(page, "campaigns");

        // The wallboard's campaign tiles.
        await page.GetByRole(AriaRole.Link, new() { Name = "Wallboard" }).ClickAsync();
        var tile = page.GetByTestId("campaign-tile");
        await Expect(tile).ToContainTextAsync("Renewals December");
        await Expect(tile.GetByTestId("campaign-connected")).ToHaveTextAsync("1");
        await Pages.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Campaigns" }).ClickAsync();
        await campaign.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        await Expect(campaign.GetByTestId("campaign-state")).ToHaveTextAsync("Paused");
        await Expect(campaign.GetByRole(AriaRole.Button, new() { Name = "Resume" })).ToBeEnabledAsync();
        await campaign.GetByRole(AriaRole.Button, new() { Name = "Stop" }).ClickAsync();
        await Expect(campaign.GetByTestId("campaign-state")).ToHaveTextAsync("Stopped");
        await Expect(campaign.GetByRole(AriaRole.Button, new() { Name = "Stop" })).ToBeDisabledAsync();
    }

    [Fact]
    public async Task An_agent_previews_the_next_contact_skips_with_a_reason_dials_and_the_answered_call_pops_with_card_and_script()
    {
        var center = await CampaignCenter.CreateAsync(Platform, "Renewals by preview");
        var (contactId, phone) = await center.ContactAsync("Petr Svoboda");
        var campaignId = await center.CampaignAsync("Preview December", "preview");
        await center.StartAsync(campaignId);
        var page = await Browser.NewPageAsync(Platform.BrowserAddress);
        await Pages.SignInAsync(page, center.Tenant.Slug, CampaignCenter.Agent, CampaignCenter.Password);
        await Pages.DesktopReadyAsync(page);
        await page.Keyboard.PressAsync("Alt+A");
        await Expect(page.GetByTestId("agent-state")).ToHaveTextAsync("Available");

        // The next contact's card and the script's opening, before anything is dialed.
        var preview = page.GetByTestId("campaign-preview");
        await preview.GetByRole(AriaRole.Button, new() { Name = "Next contact" }).ClickAsync();
        await Expect(preview.GetByTestId("preview-name")).ToHaveTextAsync("Petr Svoboda");
        await Expect(preview.GetByTestId("preview-number")).ToHaveTextAsync(phone);
        await Expect(preview.GetByTestId("preview-script")).ToHaveTextAsync("Good day Petr Svoboda, this is Acme about your contract renewal.");
        // The consent the dial was checked against, to read before dialing; nothing to record before the person has said anything.
        await Expect(preview.GetByTestId("consent-calls").GetByTestId("consent-state")).ToHaveTextAsync("given");
        await Expect(preview.GetByTestId("consent-recording").GetByTestId("consent-state")).ToHaveTextAsync("none");
        await Expect(preview.GetByRole(AriaRole.Button, new() { Name = "Given: calls" })).ToHaveCountAsync(0);
        await Pages.AssertAccessibleAsync(page);
        await Screenshots.TakeAsync(page, "agent-preview");

        // Skipped with a reason: recorded on the attempt, the contact free again.
        await preview.GetByLabel("Reason to skip").SelectOptionAsync("called_recently");
        await preview.GetByRole(AriaRole.Button, new() { Name = "Skip" }).ClickAsync();
        await Expect(preview.GetByRole(AriaRole.Status)).ToContainTextAsync("Skipped");
        await using (var db = Platform.Database("queue"))
        {
            await db.OpenAsync();
            await using var command = db.CreateCommand();
            command.CommandText = "SELECT skip_reason FROM campaign_dials WHERE contact_id = $1 AND status = 'skipped'";
            command.Parameters.AddWithValue(contactId);
            Assert.Equal("called_recently", await command.ExecuteScalarAsync());
        }

        // The next preview, dialed: the PBX dials with the agent's phone, the person answers, the call pops like an inbound one.
        await preview.GetByRole(AriaRole.Button, new() { Name = "Next contact" }).ClickAsync();
        await Expect(preview.GetByTestId("preview-name")).ToHaveTextAsync("Petr Svoboda");
        await preview.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Dial") }).ClickAsync();
        var dial = await center.NextCommandAsync("dial_out");
        Assert.Equal("preview", dial.GetProperty("purpose").GetString());
        Assert.Equal(contactId, dial.GetProperty("contactId").GetGuid());
        await center.ReportAsync(dial.GetProperty("callId").GetGuid(), "human");

        await Expect(page.GetByTestId("agent-state")).ToHaveTextAsync("On a call");
        await Expect(page.GetByTestId("contact-name")).ToHaveTextAsync("Petr Svoboda");
        await Expect(page.GetByTestId("script-step")).ToHaveTextAsync("Good day Petr Svoboda, this is Acme about your contract renewal.");
        await page.Keyboard.PressAsync("Alt+E");
        await Expect(page.GetByTestId("agent-state")).ToHaveTextAsync("Wrap-up");
        await page.GetByLabel("Disposition").SelectOptionAsync("not_interested");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record and finish wrap-up" }).ClickAsync();
        await Expect(page.GetByTestId("agent-state")).ToHaveTextAsync("Available");
        Assert.Contains("not_interested", await center.Admin.GetStringAsync($"/api/clients/contacts/{contactId}/history"));
    }
}

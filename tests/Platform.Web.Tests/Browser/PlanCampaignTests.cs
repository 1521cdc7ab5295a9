using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Browser;

/// <summary>
/// A campaign over the plans of the day in the browser: the agent takes their plan on the desktop (the CRM holds its contacts
/// for them), the admin makes a campaign over its agents' plans on the campaigns page (refused as predictive, with the reason
/// on the field), and the campaign dials the agent's planned contact, whose answered call pops on the agent's desktop.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PlanCampaignTests(WebPlatform platform) : BrowserTest(platform)
{
    [Fact]
    public async Task An_agent_takes_their_plan_and_a_campaign_over_the_plans_of_the_day_dials_it_for_them()
    {
        var center = await CampaignCenter.CreateAsync(Platform, "Renewals by plan");
        var (contactId, _) = await center.ContactAsync("Jana Plánovaná");

        var desk = await Browser.NewPageAsync(Platform.BrowserAddress);
        await Pages.SignInAsync(desk, center.Tenant.Slug, CampaignCenter.Agent, CampaignCenter.Password);
        await Pages.DesktopReadyAsync(desk);
        await Expect(desk.GetByRole(AriaRole.Button, new() { Name = "Jana Plánovaná" })).ToBeVisibleAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "Take this plan (hold its contacts for me)" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Status).Filter(new() { HasText = "Your plan is held for you" })).ToBeVisibleAsync();
        await Pages.AssertAccessibleAsync(desk);

        var admin = await Browser.NewPageAsync(Platform.BrowserAddress);
        await Pages.SignInAsync(admin, center.Tenant.Slug, "admin", center.Tenant.Password);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Campaigns" }).ClickAsync();
        var form = admin.Locator("form.campaign-form");
        await form.GetByLabel("Project").SelectOptionAsync(new SelectOptionValue { Label = "Renewals by plan" });
        await form.GetByLabel("Name", new() { Exact = true }).FillAsync("Plans of the day");
        await form.GetByLabel("Dial mode").SelectOptionAsync("predictive");
        await form.GetByLabel("Caller ID").FillAsync(CampaignCenter.CallerId);
        await form.GetByLabel("Whom to call").SelectOptionAsync("daily_plan");
        await form.GetByLabel("Olga Outbound").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Create the campaign" }).ClickAsync();
        await Expect(admin.Locator("#dialMode-error")).ToContainTextAsync("preview or progressive");
        await Expect(admin.GetByTestId("campaign")).ToHaveCountAsync(0);

        await form.GetByLabel("Dial mode").SelectOptionAsync("progressive");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create the campaign" }).ClickAsync();
        var campaign = admin.GetByTestId("campaign");
        await Expect(campaign).ToHaveCountAsync(1);
        await Expect(campaign.GetByTestId("campaign-left")).ToHaveTextAsync("1 (1 now · 0 later today)"); // the plan's one contact
        await campaign.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Expect(campaign.GetByTestId("campaign-state")).ToHaveTextAsync("Running");

        // The agent goes available: the campaign dials the contact of their plan, for them; the person answers and the call pops.
        await desk.GetByRole(AriaRole.Button, new() { Name = "Available" }).First.ClickAsync();
        var dial = await center.NextCommandAsync("dial_out");
        Assert.Equal((contactId, center.AgentId), (dial.GetProperty("contactId").GetGuid(), dial.GetProperty("agentId").GetGuid()));
        await center.ReportAsync(dial.GetProperty("callId").GetGuid(), "human");
        await Expect(desk.GetByTestId("agent-state")).ToHaveTextAsync("On a call");
        await Expect(desk.GetByTestId("contact-name")).ToHaveTextAsync("Jana Plánovaná");
    }
}

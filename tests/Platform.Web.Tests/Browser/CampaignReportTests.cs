using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Browser;

/// <summary>
/// Reporting's campaign report on the supervisor's project report page (docs/dialer.md, "Campaign report"): a predictive
/// campaign with a known day — one person connected (a sale), then one dropped — shown per campaign for the page's day.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class CampaignReportTests(WebPlatform platform) : BrowserTest(platform)
{
    [Fact]
    public async Task The_project_report_shows_each_campaigns_day_with_the_abandon_rate_beside_its_cap_and_the_worst_window()
    {
        var center = await CampaignCenter.CreateAsync(Platform, "Spring renewals");
        var first = await center.ContactAsync("Jana Nováková");
        var second = await center.ContactAsync("Karel Dvořák");
        var campaignId = await center.CampaignAsync("Spring December", "predictive");
        await center.StartAsync(campaignId);
        using var agent = Platform.Gateway.CreateClient();
        TestTenant.WithToken(agent, await Platform.SignInAsync(center.Tenant.Slug, CampaignCenter.Agent, CampaignCenter.Password));

        // The first person answers and reaches the available agent, who records a sale and finishes the wrap-up.
        await StateAsync(agent, center, "available");
        var dial = await center.NextCommandAsync("dial_out");
        var call = dial.GetProperty("callId").GetGuid();
        await center.ReportAsync(call, "human");
        (await agent.PostAsJsonAsync($"/api/queue/calls/{call}/hangup", new { holdSeconds = 0 })).EnsureSuccessStatusCode();
        var contact = dial.GetProperty("contactId").GetGuid();
        Assert.Contains(contact, new[] { first.Id, second.Id });
        (await agent.PostAsJsonAsync($"/api/clients/contacts/{contact}/outcomes", new { disposition = "sale", callId = call })).EnsureSuccessStatusCode();
        (await agent.PostAsync($"/api/queue/calls/{call}/wrapup-done", null)).EnsureSuccessStatusCode();

        // Available again after the wrap-up, the agent is dialed for; they go on a break before the person answers: a drop.
        var next = await center.NextCommandAsync("dial_out");
        await StateAsync(agent, center, "break", "lunch");
        await center.ReportAsync(next.GetProperty("callId").GetGuid(), "human");
        await Eventually.HoldsAsync(async () =>
        {
            var report = await center.Admin.GetFromJsonAsync<JsonElement>($"/api/reporting/projects/{center.ProjectId}/campaigns?campaignId={campaignId}");
            var figures = report.GetProperty("campaigns").EnumerateArray().SingleOrDefault();
            return figures.ValueKind == JsonValueKind.Object && figures.GetProperty("dropped").GetInt32() == 1
                && figures.GetProperty("outcomes").EnumerateObject().Any();
        }, TimeSpan.FromSeconds(30), "reporting counts the connect, the sale and the drop");

        var page = await Browser.NewPageAsync(Platform.BrowserAddress);
        await Pages.SignInAsync(page, center.Tenant.Slug, "admin", center.Tenant.Password);
        await page.GetByRole(AriaRole.Link, new() { Name = "Reports" }).ClickAsync();
        var section = page.GetByTestId("campaign-report");
        var table = section.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^Campaign dials with a result on \\d{4}-\\d\\d-\\d\\d$") });
        var row = table.Locator($"tr[data-campaign-id='{campaignId}']");

        // By hand: 2 dials, 1 connected, 2 people, no machine, 1 drop: 50 % over the 3 % cap; the window ending at the drop holds both.
        await Expect(row.GetByRole(AriaRole.Rowheader)).ToHaveTextAsync("Spring December");
        await Expect(row.GetByTestId("report-dialed")).ToHaveTextAsync("2");
        await Expect(row.GetByTestId("report-connected")).ToHaveTextAsync("1");
        await Expect(row.GetByTestId("report-people")).ToHaveTextAsync("2");
        await Expect(row.GetByTestId("report-machines")).ToHaveTextAsync("0");
        await Expect(row.GetByTestId("report-dropped")).ToHaveTextAsync("1");
        await Expect(row.GetByTestId("report-abandon")).ToHaveTextAsync("50 % · cap 3 % · over the cap");
        await Expect(row.GetByTestId("report-abandon")).ToHaveClassAsync("cap-over");
        await Expect(row.GetByTestId("report-worst-window")).ToHaveTextAsync(new Regex(@"^50 % \(1/2 people, 30 min\) · ended \S+.* · over the cap$"));
        await Expect(row.GetByTestId("report-results")).ToHaveTextAsync("connected 1 · dropped 1");
        await Expect(row.GetByTestId("report-outcomes")).ToHaveTextAsync("Sale, contract signed 1");
        await Expect(table.GetByRole(AriaRole.Columnheader, new() { Name = "Worst rolling window" })).ToBeVisibleAsync();
        await Pages.AssertAccessibleAsync(page);
        await section.ScrollIntoViewIfNeededAsync();
        await Screenshots.TakeAsync(page, "campaign-report");

        // The day before: no campaign dials, said so.
        var prague = TimeZoneInfo.FindSystemTimeZoneById("Europe/Prague");
        var yesterday = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, prague).AddDays(-1).ToString("yyyy-MM-dd");
        await page.GetByLabel("Day").First.FillAsync(yesterday);   // the project report's day (the end of day's comes after it)
        await Expect(section.GetByText("No campaign dials that day.")).ToBeVisibleAsync();
        await Expect(section.GetByRole(AriaRole.Table)).ToHaveCountAsync(0);
        await Pages.AssertAccessibleAsync(page);
    }

    private static async Task StateAsync(HttpClient agent, CampaignCenter center, string state, string? pauseCode = null)
    {
        var response = await agent.PutAsJsonAsync($"/api/queue/agents/{center.AgentId}/state", new { state, pauseCode });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}

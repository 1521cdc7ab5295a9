using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Browser;

/// <summary>
/// The consent on the contact card that pops with a call: the agent records what the person says (consent to calls
/// given, recording withdrawn) with where it was said, the card shows the latest per purpose, and the CRM's ledger holds it.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ContactConsentTests(WebPlatform platform) : BrowserTest(platform)
{
    [Fact]
    public async Task An_agent_records_the_callers_consent_on_the_card_and_the_crm_keeps_it()
    {
        var center = await CallCenter.CreateAsync(Platform);
        var page = await Browser.NewPageAsync(Platform.BrowserAddress);
        await Pages.SignInAsync(page, center.Tenant.Slug, CallCenter.Agent, CallCenter.Password);
        await Pages.DesktopReadyAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Available" }).First.ClickAsync();
        await Expect(page.GetByTestId("agent-state")).ToHaveTextAsync("Available");
        await center.CallAsync();
        await Expect(page.GetByTestId("contact-name")).ToHaveTextAsync(center.ContactName);

        var calls = page.GetByTestId("consent-calls");
        var recording = page.GetByTestId("consent-recording");
        await Expect(calls.GetByTestId("consent-state")).ToHaveTextAsync("none");
        await page.GetByLabel("Where it was said").FillAsync("Inbound call, confirmed twice");
        await page.GetByRole(AriaRole.Button, new() { Name = "Given: calls" }).ClickAsync();
        await Expect(calls.GetByTestId("consent-state")).ToHaveTextAsync("given");
        await page.GetByRole(AriaRole.Button, new() { Name = "Withdrawn: recording" }).ClickAsync();
        await Expect(recording.GetByTestId("consent-state")).ToHaveTextAsync("withdrawn");
        await Expect(calls).ToContainTextAsync("Inbound call, confirmed twice");
        await Pages.AssertAccessibleAsync(page);

        var ledger = await center.Tenant.Admin.GetFromJsonAsync<JsonElement>($"/api/clients/contacts/{center.ContactId}/consents");
        Assert.Equal([("calls", true), ("recording", false)],
            ledger.EnumerateArray().Select(e => (e.GetProperty("purpose").GetString(), e.GetProperty("granted").GetBoolean())).Order());
        Assert.All(ledger.EnumerateArray(), e => Assert.Equal("Inbound call, confirmed twice", e.GetProperty("source").GetString()));
    }
}

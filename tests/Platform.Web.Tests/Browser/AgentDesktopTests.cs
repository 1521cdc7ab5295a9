using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Browser;

[Collection(WebCollection.Name)]
public sealed class AgentDesktopTests(WebPlatform platform) : BrowserTest(platform)
{
    [Fact]
    public async Task An_agent_works_a_call_from_the_pop_to_the_outcome_and_the_contacts_history_shows_it()
    {
        var center = await CallCenter.CreateAsync(Platform);
        var page = await Browser.NewPageAsync(Platform.BrowserAddress);
        await Pages.SignInAsync(page, center.Tenant.Slug, CallCenter.Agent, CallCenter.Password);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/agent$"));
        await Pages.DesktopReadyAsync(page);

        await page.Keyboard.PressAsync("Alt+A");   // keyboard-first: available
        await Expect(page.GetByTestId("agent-state")).ToHaveTextAsync("Available");
        await Pages.AssertAccessibleAsync(page);

        await center.CallAsync();

        // The pop: the caller's card, before answering.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Incoming call" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("contact-name")).ToHaveTextAsync(center.ContactName);
        await Expect(page.GetByTestId("caller-number")).ToHaveTextAsync(center.ContactPhone);
        await Screenshots.TakeAsync(page, "agent-pop");
        await Pages.AssertAccessibleAsync(page);

        await page.Keyboard.PressAsync("Alt+C");   // answer: the script opens at its first step, the session the call opened
        await Expect(page.GetByTestId("agent-state")).ToHaveTextAsync("On a call");
        var step = page.GetByTestId("script-step");
        await Expect(step).ToHaveTextAsync($"Good day {center.ContactName}, this is Acme's hotline.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Expect(step).ToHaveTextAsync("Would you like to hear about our new plan?");
        await Screenshots.TakeAsync(page, "agent-script");

        // An objection handler and back to where the agent was, then the answer by its number key.
        await page.GetByRole(AriaRole.Button, new() { Name = "Objection: Too expensive" }).ClickAsync();
        await Expect(step).ToHaveTextAsync("It pays for itself within a year.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Expect(step).ToHaveTextAsync("Would you like to hear about our new plan?");
        await page.Locator("body").FocusAsync();
        await page.Keyboard.PressAsync("1");
        await Expect(page.GetByTestId("script-end")).ToContainTextAsync("interested");

        // Hang up, then the outcome in wrap-up: the script's suggestion is chosen, a next contact date and notes added.
        await page.Keyboard.PressAsync("Alt+E");
        await Expect(page.GetByTestId("agent-state")).ToHaveTextAsync("Wrap-up");
        await Expect(page.GetByLabel("Disposition")).ToHaveValueAsync("interested");
        await page.GetByLabel("Next contact").FillAsync(DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd'T'10:30"));
        await page.GetByLabel("Notes").FillAsync("Wants the offer by e-mail first.");
        await Screenshots.TakeAsync(page, "agent-wrap-up");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record and finish wrap-up" }).ClickAsync();

        // Wrap-up is over: the desktop shows the plan again; the contact's history (here read back in the plan's card) has the call.
        await Expect(page.GetByTestId("agent-state")).ToHaveTextAsync("Available");
        var history = await HistoryAsync(center);
        Assert.Contains("interested", history);
        Assert.Contains("Wants the offer by e-mail first.", history);
    }

    [Fact]
    public async Task The_contacts_history_in_the_pop_shows_the_outcome_of_the_earlier_call()
    {
        var center = await CallCenter.CreateAsync(Platform);
        (await center.Tenant.Admin.PostAsync($"/api/clients/contacts/{center.ContactId}/outcomes",
            System.Net.Http.Json.JsonContent.Create(new { disposition = "callback", notes = "Call after the holidays.", nextContactAt = DateTimeOffset.UtcNow.AddDays(1) }))).EnsureSuccessStatusCode();
        var page = await Browser.NewPageAsync(Platform.BrowserAddress);
        await Pages.SignInAsync(page, center.Tenant.Slug, CallCenter.Agent, CallCenter.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Available" }).First.ClickAsync();
        await Expect(page.GetByTestId("agent-state")).ToHaveTextAsync("Available");

        await center.CallAsync();

        await Expect(page.GetByTestId("contact-history")).ToContainTextAsync("callback");
        await Expect(page.GetByTestId("contact-history")).ToContainTextAsync("Call after the holidays.");
        await Screenshots.TakeAsync(page, "agent-history");
    }

    private static async Task<string> HistoryAsync(CallCenter center) =>
        await center.Tenant.Admin.GetStringAsync($"/api/clients/contacts/{center.ContactId}/history");
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Browser;

/// <summary>The browser session in the page: it slides while the agent works; when it ends, nothing typed is lost.</summary>
[Collection(WebCollection.Name)]
public sealed class SessionTests(WebPlatform platform) : BrowserTest(platform)
{
    [Fact]
    public async Task An_expired_session_sends_the_agent_to_sign_in_and_the_unsaved_wrap_up_notes_come_back_to_be_recorded()
    {
        var center = await CallCenter.CreateAsync(Platform);
        var page = await Browser.NewPageAsync(Platform.BrowserAddress);
        await Pages.SignInAsync(page, center.Tenant.Slug, CallCenter.Agent, CallCenter.Password);
        await Pages.DesktopReadyAsync(page);
        await page.Keyboard.PressAsync("Alt+A");
        await Expect(page.GetByTestId("agent-state")).ToHaveTextAsync("Available");
        await center.CallAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Incoming call" })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Alt+C");
        await Expect(page.GetByTestId("agent-state")).ToHaveTextAsync("On a call");
        await page.Keyboard.PressAsync("Alt+E");
        await Expect(page.GetByTestId("agent-state")).ToHaveTextAsync("Wrap-up");
        await page.GetByLabel("Disposition").SelectOptionAsync("not_interested");
        await page.GetByLabel("Notes").FillAsync("Asked about the invoice of November; not interested in the offer.");

        await page.Context.ClearCookiesAsync(); // the session's cookie expired: the browser no longer sends it
        await page.GetByRole(AriaRole.Button, new() { Name = "Record and finish wrap-up" }).ClickAsync();

        await Expect(page.GetByTestId("session-expired")).ToBeVisibleAsync();
        await Pages.AssertAccessibleAsync(page);
        await Screenshots.TakeAsync(page, "session-expired");
        await page.GetByLabel("Username").FillAsync(CallCenter.Agent);
        await page.GetByLabel("Password").FillAsync(CallCenter.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // Back at the desktop: in the call's wrap-up if it is still on, else among the outcomes not recorded yet.
        await Expect(page).ToHaveURLAsync(new Regex("/agent$"));
        await Expect(page.GetByLabel("Notes")).ToHaveValueAsync("Asked about the invoice of November; not interested in the offer.");
        await Expect(page.GetByLabel("Disposition")).ToHaveValueAsync("not_interested");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Record") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Record") })).ToHaveCountAsync(0);

        var history = await center.Tenant.Admin.GetStringAsync($"/api/clients/contacts/{center.ContactId}/history");
        Assert.Contains("Asked about the invoice of November", history);
        Assert.Equal(0, await page.EvaluateAsync<int>("Object.keys(localStorage).filter(k => k.startsWith('outcome-draft:')).length"));
    }

    [Fact]
    public async Task The_session_slides_while_the_agent_works_and_writes_go_on_with_the_renewed_CSRF_token()
    {
        var center = await CallCenter.CreateAsync(Platform);
        var page = await Browser.NewPageAsync(Platform.BrowserAddress);
        await page.Clock.InstallAsync(); // the page's clock: half of the token's life passes without waiting half an hour
        var renewals = 0;
        page.Response += (_, response) =>
        {
            if (response.Url.EndsWith("/api/auth/session/renewal", StringComparison.Ordinal) && response.Status == 200) Interlocked.Increment(ref renewals);
        };
        await Pages.SignInAsync(page, center.Tenant.Slug, CallCenter.Agent, CallCenter.Password);
        await Expect(page.GetByTestId("agent-state")).ToHaveTextAsync("Logged out");
        var first = await SessionCookieAsync(page);

        await page.Clock.FastForwardAsync("31:00");   // past half of the 60-minute token, the agent idle: no renewal
        await page.Keyboard.PressAsync("Shift");        // the agent works again
        await page.Clock.FastForwardAsync("00:20");   // the next check renews
        await Eventually.HoldsAsync(async () => await SessionCookieAsync(page) != first, TimeSpan.FromSeconds(20), "the renewed cookie");
        Assert.True(renewals >= 1);

        await page.Keyboard.PressAsync("Alt+A");        // a write with the renewed session's CSRF token
        await Expect(page.GetByTestId("agent-state")).ToHaveTextAsync("Available");
        Assert.False(await page.GetByTestId("session-expired").IsVisibleAsync());
    }

    private static async Task<string> SessionCookieAsync(IPage page) =>
        (await page.Context.CookiesAsync()).Single(c => c.Name is "session" or "__Host-session").Value;
}

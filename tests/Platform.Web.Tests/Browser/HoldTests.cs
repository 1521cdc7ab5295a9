using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Platform.Testing;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Browser;

/// <summary>Hold on the desktop is the queue's hold (docs/telephony.md): the PBX holds the caller, the platform times it.</summary>
[Collection(WebCollection.Name)]
public sealed class HoldTests(WebPlatform platform) : BrowserTest(platform)
{
    [Fact]
    public async Task Hold_and_resume_on_the_desktop_go_through_the_queue_and_the_call_records_the_hold()
    {
        var center = await CallCenter.CreateAsync(Platform);
        var page = await Browser.NewPageAsync(Platform.BrowserAddress);
        await Pages.SignInAsync(page, center.Tenant.Slug, CallCenter.Agent, CallCenter.Password);
        await Pages.DesktopReadyAsync(page);
        await page.Keyboard.PressAsync("Alt+A");
        await Expect(page.GetByTestId("agent-state")).ToHaveTextAsync("Available");
        var callId = await center.CallAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Incoming call" })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Alt+C");
        await Expect(page.GetByTestId("agent-state")).ToHaveTextAsync("On a call");

        var hold = page.GetByTestId("hold");
        await page.Keyboard.PressAsync("Alt+H");
        await Expect(hold).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(hold).ToContainTextAsync("Resume");
        Assert.NotEqual(JsonValueKind.Null, (await CallAsync(center, callId)).GetProperty("heldSince").ValueKind);
        await Pages.AssertAccessibleAsync(page);

        await page.Keyboard.PressAsync("Alt+H");
        await Expect(hold).ToHaveAttributeAsync("aria-pressed", "false");
        var resumed = await CallAsync(center, callId);
        Assert.Equal(JsonValueKind.Null, resumed.GetProperty("heldSince").ValueKind);
        Assert.Equal(1, resumed.GetProperty("holds").GetInt32());

        // The PBX was told both ways, on the call's command stream.
        var kinds = new List<string>();
        await Eventually.HoldsAsync(async () =>
        {
            var batch = await center.Pbx.GetFromJsonAsync<JsonElement>("/api/queue/telephony/commands?limit=500");
            kinds.AddRange(batch.GetProperty("commands").EnumerateArray()
                .Where(c => c.GetProperty("body").TryGetProperty("callId", out var id) && id.GetGuid() == callId).Select(c => c.GetProperty("kind").GetString()!));
            return kinds.Contains("hold") && kinds.Contains("unhold");
        }, TimeSpan.FromSeconds(20), "hold and unhold on the command stream");

        await page.Keyboard.PressAsync("Alt+E");   // the hang-up sends no hold time of its own: the queue measured it
        await Expect(page.GetByTestId("agent-state")).ToHaveTextAsync("Wrap-up");
        Assert.Equal(1, (await CallAsync(center, callId)).GetProperty("holds").GetInt32());
    }

    private static async Task<JsonElement> CallAsync(CallCenter center, Guid callId) =>
        await center.Tenant.Admin.GetFromJsonAsync<JsonElement>($"/api/queue/calls/{callId}");
}

using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;

namespace Platform.Web.Tests.Browser;

/// <summary>What a person does with the pages, in the words of the page (labels and roles, as a screen reader finds them).</summary>
internal static class Pages
{
    public static async Task SignInAsync(IPage page, string tenant, string username, string password)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Call center").FillAsync(tenant);
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    /// <summary>
    /// The agent desktop is up: the agent's state shown and its push channel open (no "reconnecting" beside the state), so its
    /// shortcuts listen and the change a key or a click makes comes back to the page.
    /// </summary>
    public static async Task DesktopReadyAsync(IPage page)
    {
        await Assertions.Expect(page.GetByTestId("agent-state")).ToHaveTextAsync("Logged out");
        await Assertions.Expect(page.Locator(".state-bar .offline")).ToHaveCountAsync(0);
    }

    /// <summary>axe-core over the page as it stands: no serious or critical violation (labels, contrast, roles, focus order).</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(serious.Count == 0, $"{page.Url}:{Environment.NewLine}{string.Join(Environment.NewLine, serious)}");
    }
}

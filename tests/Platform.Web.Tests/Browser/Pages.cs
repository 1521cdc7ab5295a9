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

    /// <summary>axe-core over the page as it stands: no serious or critical violation (labels, contrast, roles, focus order).</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(serious.Count == 0, $"{page.Url}:{Environment.NewLine}{string.Join(Environment.NewLine, serious)}");
    }
}

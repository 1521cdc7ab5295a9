using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Browser;

[Collection(WebCollection.Name)]
public sealed class AdminTests(WebPlatform platform) : BrowserTest(platform)
{
    [Fact]
    public async Task An_admin_onboards_a_project_and_publishes_its_script_in_the_editor_after_fixing_the_error_shown_on_its_step()
    {
        var tenant = await Platform.CreateTenantAsync("a");
        var page = await Browser.NewPageAsync(Platform.BrowserAddress);
        await Pages.SignInAsync(page, tenant.Slug, "admin", tenant.Password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Onboard a project" })).ToBeVisibleAsync();

        await page.GetByLabel("Client company").FillAsync("Globex Zrt.");
        await page.GetByLabel("Project name").FillAsync("Globex winter sale");
        await page.GetByLabel("Direction").SelectOptionAsync("outbound");
        await page.GetByLabel("Time zone").FillAsync("Europe/Budapest");
        await page.GetByLabel("Open on Saturdays").CheckAsync();
        await page.GetByLabel("Public holidays (yyyy-MM-dd)").FillAsync("2026-12-24, 2026-12-25");
        await page.GetByLabel("Routing").SelectOptionAsync("round_robin");
        await Pages.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the project" }).ClickAsync();

        await Expect(page.GetByText("The project is set up.")).ToBeVisibleAsync();
        foreach (var part in new[] { "company", "project", "calendar", "dispositions", "queue", "script" })
        {
            await Expect(page.GetByTestId($"onboarding-{part}")).ToHaveClassAsync("done");
        }
        await Screenshots.TakeAsync(page, "onboarding");

        await page.GetByRole(AriaRole.Link, new() { Name = "Open its script to publish it" }).ClickAsync();
        var source = page.GetByTestId("script-source");
        await Expect(source).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("\"start\": \"greeting\""));

        // A dangling target: validation shows the error on its step, in the graph and in the list.
        var draft = await source.InputValueAsync();
        await source.FillAsync(draft.Replace("\"next\": \"offer\"", "\"next\": \"nowhere\""));
        await page.GetByRole(AriaRole.Button, new() { Name = "Validate" }).ClickAsync();
        await Expect(page.Locator("g.node.has-error[data-step='interest']")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("script-problems")).ToContainTextAsync("interest");
        await Screenshots.TakeAsync(page, "script-editor");
        await Pages.AssertAccessibleAsync(page);

        await source.FillAsync(draft);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(page.GetByTestId("editor-status")).ToHaveTextAsync("Published version 1");
        await Expect(page.Locator("g.node.has-error")).ToHaveCountAsync(0);
    }
}

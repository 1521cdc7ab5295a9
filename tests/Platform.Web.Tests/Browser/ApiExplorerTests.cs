using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Platform.Web.Tests.Browser;

[Collection(WebCollection.Name)]
public sealed class ApiExplorerTests(WebPlatform platform) : BrowserTest(platform)
{
    [Fact]
    public async Task The_API_explorer_loads_the_services_documents_through_the_gateway()
    {
        var page = await Browser.NewPageAsync(Platform.BrowserAddress);

        var document = page.WaitForResponseAsync(r => r.Url.EndsWith("/openapi/clients.json", StringComparison.Ordinal));
        await page.GotoAsync("/scalar");
        var response = await document;

        Assert.Equal(200, response.Status);
        await Expect(page.GetByText("CreateContact").Or(page.GetByText("/api/clients/projects/{projectId}/contacts")).First).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "api-explorer");
    }
}

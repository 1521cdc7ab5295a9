using System.Net;
using Xunit;

namespace Platform.Web.Tests.Sessions;

/// <summary>The gateway serves the built app: its files, index.html for the app's own paths, and the API unchanged.</summary>
[Collection(WebCollection.Name)]
public sealed class WebAppServingTests(WebPlatform platform) : IAsyncLifetime
{
    public Task InitializeAsync() => platform.StartBrowserGatewayAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("/")]
    [InlineData("/agent")]
    [InlineData("/reports/projects/6c1f0e52-0000-0000-0000-000000000000")]
    public async Task A_page_of_the_app_is_index_html_without_signing_in_with_a_policy_for_pages(string path)
    {
        using var client = new HttpClient { BaseAddress = platform.BrowserAddress };

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<div id=\"app\">", await response.Content.ReadAsStringAsync());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_built_assets_are_served_and_cached_for_good()
    {
        using var client = new HttpClient { BaseAddress = platform.BrowserAddress };
        var index = await client.GetStringAsync("/");
        var script = System.Text.RegularExpressions.Regex.Match(index, "src=\"(/assets/[^\"]+\\.js)\"").Groups[1].Value;

        var response = await client.GetAsync(script);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_API_explorer_serves_every_services_document_from_its_own_bundle()
    {
        using var client = new HttpClient { BaseAddress = platform.BrowserAddress };

        var page = await client.GetAsync("/scalar");
        var html = await page.Content.ReadAsStringAsync();
        var bundle = await client.GetAsync("/scalar/scalar.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        foreach (var document in new[] { "clients", "queue", "scripts", "reporting", "v1" })
        {
            Assert.Contains($"\"openapi/{document}.json\"", html); // relative to the site's root (Browser/ApiExplorerTests loads them)
        }
        Assert.Contains("script-src 'self' 'unsafe-inline'", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.DoesNotContain("cdn.jsdelivr", html);
    }

    [Theory]
    [InlineData("/api/clients/projects", HttpStatusCode.Unauthorized)]
    [InlineData("/api/nothing-here", HttpStatusCode.Unauthorized)]
    [InlineData("/assets/missing.js", HttpStatusCode.Unauthorized)]
    public async Task API_paths_and_missing_files_never_fall_back_to_the_page(string path, HttpStatusCode expected)
    {
        using var client = new HttpClient { BaseAddress = platform.BrowserAddress };

        var response = await client.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}

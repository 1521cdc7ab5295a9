using Xunit;

namespace Platform.Web.Tests.Browser;

/// <summary>
/// What every browser test starts from: the web platform's gateway on a real port (serving the built app) and the shared
/// headless Chromium. A derived class keeps its own <c>[Collection(WebCollection.Name)]</c>.
/// </summary>
public abstract class BrowserTest(WebPlatform platform) : IAsyncLifetime
{
    protected WebPlatform Platform { get; } = platform;

    protected Chromium Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Platform.StartBrowserGatewayAsync();
        Browser = await Chromium.GetAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

using Microsoft.Playwright;

namespace Platform.Web.Tests.Browser;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright (which cannot download browsers of its own here). One browser for the
/// test run; each test opens its own contexts (a context is a fresh profile: its own cookies, like a separate person).
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Chromium? shared;

    private readonly IPlaywright playwright;

    public IBrowser Browser { get; }

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        Browser = browser;
    }

    public static async Task<Chromium> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (shared is null)
            {
                if (!File.Exists(ExecutablePath))
                {
                    throw new InvalidOperationException($"{ExecutablePath} is missing: scripts/test.sh installs Debian's chromium (apt-get install chromium).");
                }
                var playwright = await Playwright.CreateAsync();
                var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = ExecutablePath,
                    Headless = true,
                    Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run"],
                });
                shared = new Chromium(playwright, browser);
            }
            return shared;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A new person at a new browser, on the platform's address, in English, in a screen-sized window.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, string locale = "en-GB")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(), Locale = locale, ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}

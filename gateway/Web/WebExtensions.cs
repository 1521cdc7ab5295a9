namespace Platform.Gateway.Web;

internal static class WebExtensions
{
    /// <summary>The browser's side of the gateway: cookie sessions (<see cref="SessionBearer"/>) and the single-page app.</summary>
    public static void AddBrowserSessions(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection("BrowserSession").Get<BrowserSessionOptions>() ?? new BrowserSessionOptions());
        builder.Services.AddSingleton<SessionCookies>();
        builder.Services.AddSingleton<SessionStart>();
    }
}

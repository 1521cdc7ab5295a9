namespace Platform.Gateway.Web;

/// <summary>The browser's sign-in: a cookie holding the services' bearer token, readable by no script.</summary>
public sealed class BrowserSessionOptions
{
    /// <summary>
    /// Whether the cookie is marked Secure (sent over HTTPS only). Unset: always, except in Development for a request
    /// over plain http to localhost or 127.0.0.1 (the development machine; Chromium accepts Secure cookies there anyway,
    /// other browsers may not).
    /// </summary>
    public bool? SecureCookie { get; set; }

    /// <summary>
    /// The hard maximum of a browser session, from its sign-in, however often it was renewed (default 600: a shift of
    /// 8 hours with breaks and overtime). Then the user signs in again with their password.
    /// </summary>
    public int MaxSessionMinutes { get; set; } = 600;
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Platform.ServiceDefaults.Auth;

namespace Platform.Gateway.Web;

/// <summary>
/// The cookies of a browser session. The session cookie is the services' bearer token itself (HttpOnly, SameSite=Strict,
/// Secure): the gateway stays stateless, every replica reads it, and whatever the token carries (roles, projects, a
/// revocation version) applies to browsers as to API clients. The CSRF token is derived from it (HMAC with a key derived
/// from the signing key): the page gets it in the session's answer and sends it back in <c>X-CSRF-Token</c> on writes.
/// </summary>
internal sealed class SessionCookies(JwtOptions jwt, BrowserSessionOptions options, IHostEnvironment environment)
{
    /// <summary>The name with the <c>__Host-</c> prefix: the browser refuses it unless Secure, on path / and without a domain.</summary>
    public const string SecureName = "__Host-session";

    /// <summary>The name over plain http on the development machine, where the prefix cannot be had.</summary>
    public const string PlainName = "session";

    /// <summary>When the session began (<see cref="SessionStart"/>), beside the session cookie with the same attributes.</summary>
    public const string SecureStartName = "__Host-session-start";
    public const string PlainStartName = "session-start";

    public const string CsrfHeader = "X-CSRF-Token";

    /// <summary>Where the request's session token is kept once the cookie has been taken out of the Cookie header.</summary>
    public const string ItemKey = "browser-session-token";

    /// <summary>Where the request's sealed session start is kept once its cookie has been taken out of the Cookie header.</summary>
    public const string StartItemKey = "browser-session-start";

    private readonly byte[] csrfKey = SHA256.HashData(Encoding.UTF8.GetBytes("csrf:" + jwt.SigningKey));

    public static string? Read(HttpRequest request) =>
        request.HttpContext.Items.TryGetValue(ItemKey, out var taken) && taken is string token ? token
        : request.Cookies.TryGetValue(SecureName, out var secure) && secure.Length > 0 ? secure
        : request.Cookies.TryGetValue(PlainName, out var plain) && plain.Length > 0 ? plain
        : null;

    public static string? ReadStart(HttpRequest request) =>
        request.HttpContext.Items.TryGetValue(StartItemKey, out var taken) && taken is string start ? start
        : request.Cookies.TryGetValue(SecureStartName, out var secure) && secure.Length > 0 ? secure
        : request.Cookies.TryGetValue(PlainStartName, out var plain) && plain.Length > 0 ? plain
        : null;

    public static bool IsSessionCookie(string name) => name is SecureName or PlainName or SecureStartName or PlainStartName;

    public string CsrfTokenFor(string sessionToken) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(csrfKey, Encoding.UTF8.GetBytes(sessionToken)));

    public bool CsrfTokenMatches(string sessionToken, string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(CsrfTokenFor(sessionToken)), Encoding.ASCII.GetBytes(presented));

    public bool Secure(HttpRequest request) =>
        options.SecureCookie ?? !(environment.IsDevelopment() && !request.IsHttps
            && request.Host.Host is "localhost" or "127.0.0.1" or "[::1]");

    /// <summary>The session's token, and (sealed) when the session began: both expire together.</summary>
    public void Write(HttpResponse response, string token, string sealedStart, DateTimeOffset expires)
    {
        var secure = Secure(response.HttpContext.Request);
        var attributes = new CookieOptions
        {
            HttpOnly = true, Secure = secure, SameSite = SameSiteMode.Strict, Path = "/", Expires = expires, IsEssential = true,
        };
        response.Cookies.Append(secure ? SecureName : PlainName, token, attributes);
        response.Cookies.Append(secure ? SecureStartName : PlainStartName, sealedStart, attributes);
    }

    public static void Clear(HttpResponse response)
    {
        foreach (var (name, secure) in new[] { (SecureName, true), (PlainName, false), (SecureStartName, true), (PlainStartName, false) })
        {
            response.Cookies.Delete(name, new CookieOptions { HttpOnly = true, Secure = secure, SameSite = SameSiteMode.Strict, Path = "/" });
        }
    }
}

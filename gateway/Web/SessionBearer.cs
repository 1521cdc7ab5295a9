using Microsoft.Extensions.Primitives;
using Platform.ServiceDefaults.Http;

namespace Platform.Gateway.Web;

/// <summary>
/// Turns a browser's session cookie into the bearer token the gateway checks and the services receive, before
/// authentication runs. A request with its own Authorization header (an API client) is left alone. A write (any method
/// but GET, HEAD, OPTIONS) carried by the cookie must name the session's CSRF token and, when the browser says where it
/// comes from (Origin), come from this gateway's own origin: 403 ProblemDetails otherwise, nothing forwarded.
/// The session's cookies are taken out of the Cookie header, so no service ever sees them.
/// </summary>
internal static class SessionBearer
{
    public static IApplicationBuilder UseBrowserSessions(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            var write = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
            if (write && request.Path.Equals(SessionApi.Path, StringComparison.OrdinalIgnoreCase) && !SameOrigin(request))
            {
                await Refuse(context, "The request comes from another site's page.");
                return;
            }
            var token = SessionCookies.Read(request);
            if (token is null || request.Headers.Authorization.Count > 0)
            {
                await next(context);
                return;
            }
            // Signing in again (or out) over a stale session needs no CSRF token: the sign-in is judged by its password.
            var signingIn = HttpMethods.IsPost(request.Method) && request.Path.Equals(SessionApi.Path, StringComparison.OrdinalIgnoreCase);
            if (write && !signingIn)
            {
                var cookies = context.RequestServices.GetRequiredService<SessionCookies>();
                if (!SameOrigin(request) || !cookies.CsrfTokenMatches(token, request.Headers[SessionCookies.CsrfHeader]))
                {
                    await Refuse(context, $"A write in a browser session needs the session's {SessionCookies.CsrfHeader} header, from this site's own pages.");
                    return;
                }
            }
            if (!signingIn)
            {
                request.Headers.Authorization = "Bearer " + token;
                context.Items[SessionCookies.ItemKey] = token;
                if (SessionCookies.ReadStart(request) is { } start)
                {
                    context.Items[SessionCookies.StartItemKey] = start;
                }
            }
            request.Headers.Cookie = new StringValues(request.Cookies
                .Where(c => !SessionCookies.IsSessionCookie(c.Key))
                .Select(c => $"{c.Key}={c.Value}").ToArray() is { Length: > 0 } rest ? string.Join("; ", rest) : null);
            await next(context);
        });

    /// <summary>
    /// No Origin (not sent by every browser on every request) is left to the CSRF token; a foreign host is refused. The scheme
    /// is not compared: behind a TLS-terminating proxy the gateway itself is asked over http.
    /// </summary>
    private static bool SameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0
            || (Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                && string.Equals(uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}", request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }

    private static async Task Refuse(HttpContext context, string detail) =>
        await Problems.WriteAsync(context, StatusCodes.Status403Forbidden, "Refused: possible cross-site request.", detail);
}

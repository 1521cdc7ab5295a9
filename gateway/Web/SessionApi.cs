using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.IdentityModel.JsonWebTokens;
using Platform.Gateway.Auth;
using Platform.ServiceDefaults.Auth;

namespace Platform.Gateway.Web;

/// <summary>
/// Sign-in for browsers. <c>POST /api/auth/session</c> takes the same credentials as <c>POST /api/auth/token</c> and is
/// judged by that very operation (lockout, rate limit, disabled users, whatever it checks), but the token goes into an
/// HttpOnly cookie instead of the answer; the answer says who signed in and carries the CSRF token for writes.
/// <c>GET</c> reads the session back (a page reload; an API client's bearer token is described the same way), <c>DELETE</c> signs out.
/// </summary>
public static class SessionApi
{
    public const string Path = "/api/auth/session";

    public static void MapSessionApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(Path).WithTags("Auth");
        group.MapPost("/", SignIn).WithName("SignInBrowser").AllowAnonymous().RequireRateLimiting(TokenApi.SignInRateLimit)
            .Accepts<TokenApi.TokenRequest>("application/json")
            .WithSummary("Signs a browser in: the token goes into an HttpOnly, SameSite=Strict cookie; the answer carries the CSRF token for writes.");
        group.MapGet("/", Current).WithName("GetBrowserSession").RequireAuthorization(Policies.TenantUser)
            .WithSummary("The signed-in browser's session: who, which roles and projects, until when, and the CSRF token.");
        group.MapPost("/renewal", SessionRenewal.Renew).WithName("RenewBrowserSession").RequireAuthorization(Policies.TenantUser)
            .WithSummary("Slides the browser's session: a fresh token from the user's current rights in the cookie, never past the session's hard maximum from its sign-in.")
            .WithDescription("The web app calls it while its user works, once half of the token's life is gone. 401 when the session reached its hard maximum (BrowserSession:MaxSessionMinutes) or carries no sealed start; 403 for a bearer token of any role (an API client asks POST /api/auth/token again). The CSRF token changes with the token.");
        group.MapDelete("/", SignOut).WithName("SignOutBrowser").RequireAuthorization(Policies.TenantUser)
            .WithSummary("Signs the browser out (the session cookie is cleared).");
    }

    /// <param name="ExpiresAt">When the cookie (and its token) expires unless renewed.</param>
    /// <param name="IssuedAt">When its token was issued (the web app renews once half of its life is gone).</param>
    /// <param name="EndsAt">The session's hard end (its sign-in plus the maximum); null for a bearer client.</param>
    public sealed record SessionResponse(
        Guid UserId, string Username, Guid TenantId, string Tenant, string[] Roles, Guid[] ProjectIds, DateTimeOffset ExpiresAt, string CsrfToken,
        DateTimeOffset? IssuedAt = null, DateTimeOffset? EndsAt = null);

    private sealed record IssuedToken([property: JsonPropertyName("access_token")] string AccessToken);

    private static async Task SignIn(HttpContext http, EndpointDataSource endpoints, SessionCookies cookies, SessionStart start,
        BrowserSessionOptions options, TimeProvider clock)
    {
        var issue = endpoints.Endpoints.Single(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == "IssueToken");
        var answer = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await issue.RequestDelegate!(http);
        }
        finally
        {
            http.Response.Body = answer;
        }
        if (http.Response.StatusCode != StatusCodes.Status200OK)
        {
            http.Response.ContentLength = buffer.Length; // the refusal as the token operation gave it
            buffer.Position = 0;
            await buffer.CopyToAsync(answer, http.RequestAborted);
            return;
        }
        buffer.Position = 0;
        var token = (await JsonSerializer.DeserializeAsync<IssuedToken>(buffer, cancellationToken: http.RequestAborted))!.AccessToken;
        var now = DateTimeOffset.FromUnixTimeSeconds(clock.GetUtcNow().ToUnixTimeSeconds()); // the start is sealed to the second
        var described = Describe(token, cookies);
        var expires = SessionLifetime.ExpiryOf(now, now, TimeSpan.FromMinutes(options.MaxSessionMinutes), described.ExpiresAt) ?? now;
        var session = described with { ExpiresAt = expires, EndsAt = now.AddMinutes(options.MaxSessionMinutes) };
        cookies.Write(http.Response, token, start.Seal(session.TenantId, session.UserId, now), expires);
        http.Response.ContentLength = null;
        await http.Response.WriteAsJsonAsync(session, JsonSerializerOptions.Web, http.RequestAborted);
    }

    /// <summary>The session's token (set aside by <see cref="SessionBearer"/>), or an API client's own bearer token.</summary>
    private static Ok<SessionResponse> Current(HttpContext http, SessionCookies cookies, SessionStart start, BrowserSessionOptions options)
    {
        if (http.Items[SessionCookies.ItemKey] is not string token)
        {
            return TypedResults.Ok(Describe(http.Request.Headers.Authorization.ToString()["Bearer ".Length..], cookies));
        }
        var session = Describe(token, cookies);
        var began = start.Open(SessionCookies.ReadStart(http.Request), session.TenantId, session.UserId);
        return TypedResults.Ok(began is { } at ? session with { EndsAt = at.AddMinutes(options.MaxSessionMinutes) } : session);
    }

    private static NoContent SignOut(HttpContext http)
    {
        SessionCookies.Clear(http.Response);
        return TypedResults.NoContent();
    }

    internal static SessionResponse Describe(string token, SessionCookies cookies)
    {
        var jwt = new JsonWebToken(token);
        string[] Values(string claim) => jwt.Claims.Where(c => c.Type == claim).Select(c => c.Value).ToArray();
        return new SessionResponse(
            Guid.Parse(jwt.Subject), jwt.GetClaim(PlatformClaims.Name).Value, Guid.Parse(jwt.GetClaim(PlatformClaims.TenantId).Value),
            jwt.GetClaim(PlatformClaims.Tenant).Value, Values(PlatformClaims.Role), Values(PlatformClaims.Project).Select(Guid.Parse).ToArray(),
            new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero), cookies.CsrfTokenFor(token), new DateTimeOffset(jwt.IssuedAt, TimeSpan.Zero));
    }
}

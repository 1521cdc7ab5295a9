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
        group.MapDelete("/", SignOut).WithName("SignOutBrowser").RequireAuthorization(Policies.TenantUser)
            .WithSummary("Signs the browser out (the session cookie is cleared).");
    }

    public sealed record SessionResponse(
        Guid UserId, string Username, Guid TenantId, string Tenant, string[] Roles, Guid[] ProjectIds, DateTimeOffset ExpiresAt, string CsrfToken);

    private sealed record IssuedToken([property: JsonPropertyName("access_token")] string AccessToken);

    private static async Task SignIn(HttpContext http, EndpointDataSource endpoints, SessionCookies cookies)
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
        var session = Describe(token, cookies);
        cookies.Write(http.Response, token, session.ExpiresAt);
        http.Response.ContentLength = null;
        await http.Response.WriteAsJsonAsync(session, JsonSerializerOptions.Web, http.RequestAborted);
    }

    /// <summary>The session's token (set aside by <see cref="SessionBearer"/>), or an API client's own bearer token.</summary>
    private static Ok<SessionResponse> Current(HttpContext http, SessionCookies cookies) =>
        TypedResults.Ok(Describe(http.Items[SessionCookies.ItemKey] as string ?? http.Request.Headers.Authorization.ToString()["Bearer ".Length..], cookies));

    private static NoContent SignOut(HttpContext http)
    {
        SessionCookies.Clear(http.Response);
        return TypedResults.NoContent();
    }

    private static SessionResponse Describe(string token, SessionCookies cookies)
    {
        var jwt = new JsonWebToken(token);
        string[] Values(string claim) => jwt.Claims.Where(c => c.Type == claim).Select(c => c.Value).ToArray();
        return new SessionResponse(
            Guid.Parse(jwt.Subject), jwt.GetClaim(PlatformClaims.Name).Value, Guid.Parse(jwt.GetClaim(PlatformClaims.TenantId).Value),
            jwt.GetClaim(PlatformClaims.Tenant).Value, Values(PlatformClaims.Role), Values(PlatformClaims.Project).Select(Guid.Parse).ToArray(),
            new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero), cookies.CsrfTokenFor(token));
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.IdentityModel.JsonWebTokens;
using Npgsql;
using Platform.Gateway.Auth;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;

namespace Platform.Gateway.Web;

/// <summary>
/// <c>POST /api/auth/session/renewal</c>: the sliding half of the browser session. The request has passed authentication
/// and revocation (a disabled, demoted or reset user is refused before this runs); the new token is minted from the user's
/// row as it is now, and the cookie expires at the token's end or the session's hard maximum, whichever comes first.
/// </summary>
internal static class SessionRenewal
{
    // A class, not a positional record: Dapper reports arrays as System.Array and matches constructors by exact type.
    private sealed class UserRow
    {
        public string Username { get; init; } = "";
        public string[] Roles { get; init; } = [];
        public Guid[] ProjectIds { get; init; } = [];
        public int TokenVersion { get; init; }
    }

    public static async Task<Results<Ok<SessionApi.SessionResponse>, ProblemHttpResult>> Renew(
        HttpContext http, ClaimsPrincipal principal, SessionCookies cookies, SessionStart start, BrowserSessionOptions options,
        NpgsqlDataSource db, TokenIssuer issuer, TimeProvider clock, CancellationToken ct)
    {
        if (http.Items[SessionCookies.ItemKey] is not string current)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only a browser session is renewed.",
                detail: "An API client asks POST /api/auth/token for a new token.");
        }
        var tenantId = Guid.Parse(principal.FindFirstValue(PlatformClaims.TenantId)!);
        var userId = Guid.Parse(principal.FindFirstValue(PlatformClaims.Subject)!);
        var now = clock.GetUtcNow();
        var began = start.Open(SessionCookies.ReadStart(http.Request), tenantId, userId);
        var maxSession = TimeSpan.FromMinutes(options.MaxSessionMinutes);
        if (began is null || SessionLifetime.ExpiryOf(began.Value, now, maxSession, now.AddMinutes(1)) is null)
        {
            SessionCookies.Clear(http.Response);
            return Ended(began is null
                ? "The session's start is missing or altered, so its hard maximum cannot be kept: sign in again."
                : $"A browser session lasts at most {options.MaxSessionMinutes} minutes from its sign-in: sign in again.");
        }

        UserRow? user;
        await using (var session = await db.BeginTenantSessionAsync(tenantId, ct))
        {
            user = await session.QuerySingleOrDefaultAsync<UserRow>("""
                SELECT username, roles, project_ids, token_version FROM users WHERE id = @userId AND disabled_at IS NULL
                """, new { userId }, ct);
            await session.CommitAsync(ct);
        }
        if (user is null)
        {
            SessionCookies.Clear(http.Response);
            return Ended("The account can no longer sign in.");
        }
        var slug = new JsonWebToken(current).GetClaim(PlatformClaims.Tenant).Value;
        var (token, _) = issuer.Issue(new SignedInUser(userId, tenantId, slug, user.Username, user.Roles, user.ProjectIds, user.TokenVersion));
        var described = SessionApi.Describe(token, cookies);
        var expires = SessionLifetime.ExpiryOf(began.Value, now, maxSession, described.ExpiresAt)!.Value;
        cookies.Write(http.Response, token, start.Seal(tenantId, userId, began.Value), expires);
        return TypedResults.Ok(described with { ExpiresAt = expires, EndsAt = began.Value + maxSession });
    }

    private static ProblemHttpResult Ended(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The session has ended.", detail: detail);
}

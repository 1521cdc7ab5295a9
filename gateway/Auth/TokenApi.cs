using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using Platform.Gateway.Tenants;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Gateway.Auth;

public static class TokenApi
{
    public const string SignInRateLimit = "sign-in";

    public static RouteHandlerBuilder MapTokenApi(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/auth/token", IssueToken).WithTags("Auth").WithName("IssueToken").WithSummary("Signs an API client in: a bearer token for the tenant's user (rate limited per address)").WithRequestExample(new { Tenant = "demo", Username = "admin", Password = "demo" })
            .AllowAnonymous().RequireRateLimiting(SignInRateLimit);

    public sealed record TokenRequest(string? Tenant, string? Username, string? Password);

    public sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("token_type")] string TokenType,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);

    // A class, not a positional record: Dapper reports arrays as System.Array and matches constructors by exact type.
    private sealed class UserRow
    {
        public Guid Id { get; init; }
        public string Username { get; init; } = "";
        public string PasswordHash { get; init; } = "";
        public string[] Roles { get; init; } = [];
        public Guid[] ProjectIds { get; init; } = [];
        public int FailedSignIns { get; init; }
        public DateTime? LockedUntil { get; init; }
        public int TokenVersion { get; init; }
    }

    private static readonly PasswordHasher<object> Hasher = new();

    // Verified when there is no such user, so a wrong username costs as long as a wrong password.
    private static readonly string DecoyHash = Hasher.HashPassword(new object(), "decoy-password");

    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> IssueToken(
        TokenRequest request, TenantDirectory tenants, NpgsqlDataSource db, TokenIssuer issuer, TimeProvider clock,
        HttpContext http, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Tenant)) errors["tenant"] = ["Required."];
        if (string.IsNullOrWhiteSpace(request.Username)) errors["username"] = ["Required."];
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["Required."];
        // PostgreSQL text cannot hold NUL, and no tenant, username or password contains control characters.
        foreach (var (field, value) in new[] { ("tenant", request.Tenant), ("username", request.Username), ("password", request.Password) })
        {
            if (value is not null && value.Any(char.IsControl))
            {
                errors[field] = ["Cannot contain control characters."];
            }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Tenant, username and password are required.");
        }
        var slug = request.Tenant!.Trim().ToLowerInvariant();
        var tenantId = await tenants.FindAsync(slug, ct);
        if (tenantId is null)
        {
            Hasher.VerifyHashedPassword(new object(), DecoyHash, request.Password!);
            return Failed();
        }

        const string findUser = """
            SELECT id, username, password_hash, roles, project_ids, failed_sign_ins, locked_until, token_version
            FROM users WHERE username = @Username AND disabled_at IS NULL
            FOR UPDATE
            """;
        await using var session = await db.BeginTenantSessionAsync(tenantId.Value, ct);
        var user = await session.QuerySingleOrDefaultAsync<UserRow>(findUser, new { Username = request.Username!.Trim() }, ct);
        if (user is null)
        {
            Hasher.VerifyHashedPassword(new object(), DecoyHash, request.Password!);
            return Failed();
        }
        var now = clock.GetUtcNow();
        if (user.LockedUntil is { } lockedUntil && lockedUntil > now.UtcDateTime)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling((lockedUntil - now.UtcDateTime).TotalSeconds)).ToString();
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many failed sign-ins.", detail: "Sign-in is paused for this account; try again later.");
        }

        var verdict = Hasher.VerifyHashedPassword(new object(), user.PasswordHash, request.Password!);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var failures = user.FailedSignIns + 1;
            await session.ExecuteAsync(
                "UPDATE users SET failed_sign_ins = @failures, locked_until = @LockedUntil WHERE id = @Id",
                new { failures, LockedUntil = SignInLockout.LockedUntil(failures, now), user.Id }, ct);
            await session.CommitAsync(ct);
            return Failed();
        }
        await session.ExecuteAsync(
            "UPDATE users SET failed_sign_ins = 0, locked_until = NULL, password_hash = coalesce(@Rehashed, password_hash) WHERE id = @Id",
            new { user.Id, Rehashed = verdict == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(new object(), request.Password!) : null }, ct);
        await session.CommitAsync(ct);

        var (token, expiresIn) = issuer.Issue(new SignedInUser(user.Id, tenantId.Value, slug, user.Username, user.Roles, user.ProjectIds, user.TokenVersion));
        return TypedResults.Ok(new TokenResponse(token, "Bearer", expiresIn));
    }

    private static ProblemHttpResult Failed() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
            title: "Sign-in failed.", detail: "Unknown tenant or username, or wrong password.");
}

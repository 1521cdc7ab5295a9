using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Dapper;

namespace Platform.Gateway.Auth;

public static class TokenApi
{
    public static RouteHandlerBuilder MapTokenApi(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/auth/token", IssueToken).WithTags("Auth").WithName("IssueToken").AllowAnonymous();

    public sealed record TokenRequest(string? Tenant, string? Username, string? Password);

    public sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("token_type")] string TokenType,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);

    // A class, not a positional record: Dapper reports text[] as System.Array and matches constructors by exact type.
    private sealed class UserRow
    {
        public Guid Id { get; init; }
        public Guid TenantId { get; init; }
        public string Slug { get; init; } = "";
        public string Username { get; init; } = "";
        public string PasswordHash { get; init; } = "";
        public string[] Roles { get; init; } = [];
    }

    // Verified when the user does not exist, so a wrong username costs as long as a wrong password.
    private static readonly string DecoyHash = new PasswordHasher<UserRow>().HashPassword(null!, "decoy-password");

    private static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> IssueToken(
        TokenRequest request, NpgsqlDataSource db, TokenIssuer issuer, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Tenant)) errors["tenant"] = ["Required."];
        if (string.IsNullOrWhiteSpace(request.Username)) errors["username"] = ["Required."];
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["Required."];
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Tenant, username and password are required.");
        }

        const string sql = """
            SELECT u.id, u.tenant_id, t.slug, u.username, u.password_hash, u.roles
            FROM users u JOIN tenants t ON t.id = u.tenant_id
            WHERE t.slug = @Tenant AND u.username = @Username AND u.disabled_at IS NULL
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        var user = await connection.QuerySingleOrDefaultAsync<UserRow>(
            new CommandDefinition(sql, new { Tenant = request.Tenant!.Trim().ToLowerInvariant(), Username = request.Username!.Trim() }, cancellationToken: ct));

        var hasher = new PasswordHasher<UserRow>();
        var verdict = hasher.VerifyHashedPassword(user!, user?.PasswordHash ?? DecoyHash, request.Password!);
        if (user is null || verdict == PasswordVerificationResult.Failed)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
                title: "Sign-in failed.", detail: "Unknown tenant or username, or wrong password.");
        }
        var (token, expiresIn) = issuer.Issue(new SignedInUser(user.Id, user.TenantId, user.Slug, user.Username, user.Roles));
        return TypedResults.Ok(new TokenResponse(token, "Bearer", expiresIn));
    }
}

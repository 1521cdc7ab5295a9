using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Gateway.Users;

/// <summary>A call center's admin manages its people and their roles. Only admins; only their own tenant.</summary>
public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/users").WithTags("Users").RequireAuthorization(Policies.Admin);
        group.MapGet("/", ListUsers).WithName("ListUsers").WithSummary("The tenant's users and their roles");
        group.MapPost("/", CreateUser).WithName("CreateUser").WithSummary("Creates a user with roles (and, for agents and client viewers, the projects they may see)");
        group.MapGet("/{userId:guid}", GetUser).WithName("GetUser").WithSummary("A user");
        group.MapPut("/{userId:guid}", UpdateUser).WithName("UpdateUser").WithSummary("Updates a user's display name, roles, projects, or disables them");
        group.MapPut("/{userId:guid}/password", SetPassword).WithName("SetUserPassword").WithSummary("Sets a user's password");
        return group;
    }

    public sealed record CreateUserRequest(string? Username, string? DisplayName, string? Password, string[]? Roles, Guid[]? ProjectIds);
    /// <summary>A full replacement of what an admin may change: every field but the project list is required.</summary>
    public sealed record UpdateUserRequest(string? DisplayName, string[]? Roles, Guid[]? ProjectIds, bool? Disabled);
    public sealed record PasswordRequest(string? Password);

    public sealed class UserResponse
    {
        public Guid Id { get; init; }
        public string Username { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string[] Roles { get; init; } = [];
        public Guid[] ProjectIds { get; init; } = [];
        public bool Disabled { get; init; }
        public DateTime? LockedUntil { get; init; }
    }

    private const string Columns = "id, username, display_name, roles, project_ids, disabled_at IS NOT NULL AS disabled, locked_until";
    private static readonly PasswordHasher<object> Hasher = new();

    private static async Task<Ok<UserResponse[]>> ListUsers(ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var users = await session.QueryAsync<UserResponse>(
            $"SELECT {Columns} FROM users WHERE tenant_id = @TenantId ORDER BY username", new { session.TenantId }, ct);
        return TypedResults.Ok(users.ToArray());
    }

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> GetUser(Guid userId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var found = await FindAsync(session, userId, ct);
        return found is null ? Problems.NotFound("User", userId) : TypedResults.Ok(found);
    }

    private static async Task<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>> CreateUser(
        CreateUserRequest request, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        UserRules.CheckUsername(request.Username, errors);
        UserRules.CheckPassword(request.Password, errors);
        UserRules.CheckProfile(request.DisplayName, request.Roles, request.ProjectIds, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The user cannot be created.");
        }
        const string sql = $"""
            INSERT INTO users (id, tenant_id, username, display_name, password_hash, roles, project_ids)
            VALUES (@Id, @TenantId, @Username, @DisplayName, @PasswordHash, @Roles, @ProjectIds)
            ON CONFLICT (tenant_id, username) DO NOTHING
            RETURNING {Columns}
            """;
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var created = await session.QuerySingleOrDefaultAsync<UserResponse>(sql, new
        {
            Id = Guid.CreateVersion7(), session.TenantId, request.Username, DisplayName = request.DisplayName!.Trim(),
            PasswordHash = Hasher.HashPassword(new object(), request.Password!), request.Roles, ProjectIds = request.ProjectIds ?? [],
        }, ct);
        if (created is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The username is taken.",
                detail: $"This call center already has a user '{request.Username}'.");
        }
        await session.CommitAsync(ct);
        return TypedResults.Created($"/api/users/{created.Id}", created);
    }

    private static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> UpdateUser(
        Guid userId, UpdateUserRequest request, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        UserRules.CheckProfile(request.DisplayName, request.Roles, request.ProjectIds, errors);
        if (request.Disabled is null)
        {
            errors["disabled"] = ["Required: true to disable the account, false to keep it usable."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The user cannot be changed.");
        }
        if (userId == user.UserId() && (request.Disabled == true || !request.Roles!.Contains(Roles.Admin)))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "An admin cannot lock themselves out.",
                detail: "Another admin must remove your admin role or disable your account.");
        }
        const string sql = $"""
            UPDATE users SET display_name = @DisplayName, roles = @Roles, project_ids = @ProjectIds,
                disabled_at = CASE WHEN @Disabled THEN coalesce(disabled_at, now()) END,
                -- fewer or other rights, or none: every token issued before is refused at the gateway within seconds
                token_version = token_version + CASE WHEN roles IS DISTINCT FROM @Roles OR project_ids IS DISTINCT FROM @ProjectIds
                    OR (@Disabled AND disabled_at IS NULL) THEN 1 ELSE 0 END
            WHERE tenant_id = @TenantId AND id = @userId
            RETURNING {Columns}
            """;
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var updated = await session.QuerySingleOrDefaultAsync<UserResponse>(sql, new
        {
            DisplayName = request.DisplayName!.Trim(), request.Roles, ProjectIds = request.ProjectIds ?? [], request.Disabled,
            session.TenantId, userId,
        }, ct);
        if (updated is null)
        {
            return Problems.NotFound("User", userId);
        }
        await session.CommitAsync(ct);
        return TypedResults.Ok(updated);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SetPassword(
        Guid userId, PasswordRequest request, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        UserRules.CheckPassword(request.Password, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The password cannot be set.");
        }
        const string sql = """
            UPDATE users SET password_hash = @PasswordHash, failed_sign_ins = 0, locked_until = NULL, token_version = token_version + 1
            WHERE tenant_id = @TenantId AND id = @userId
            """;
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var changed = await session.ExecuteAsync(sql, new { PasswordHash = Hasher.HashPassword(new object(), request.Password!), session.TenantId, userId }, ct);
        if (changed == 0)
        {
            return Problems.NotFound("User", userId);
        }
        await session.CommitAsync(ct);
        return TypedResults.NoContent();
    }

    private static Task<UserResponse?> FindAsync(TenantSession session, Guid userId, CancellationToken ct) =>
        session.QuerySingleOrDefaultAsync<UserResponse>($"SELECT {Columns} FROM users WHERE tenant_id = @TenantId AND id = @userId",
            new { session.TenantId, userId }, ct);
}

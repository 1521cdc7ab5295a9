using Dapper;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;

namespace Platform.Gateway.Tenants;

/// <summary>
/// Creates call centers and their first users, idempotently (running it again updates, never duplicates).
/// Used by <c>seed-demo</c> and by tests; people are managed afterwards through the users API.
/// </summary>
public sealed class TenantProvisioning(NpgsqlDataSource db)
{
    private static readonly PasswordHasher<object> Hasher = new();

    public async Task<Guid> EnsureTenantAsync(string slug, string name, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO tenants (id, slug, name) VALUES (@Id, @slug, @name)
            ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name
            RETURNING id
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<Guid>(new CommandDefinition(sql, new { Id = Guid.CreateVersion7(), slug, name }, cancellationToken: ct));
    }

    /// <summary>A new tenant, or null when the slug is taken (nothing changed).</summary>
    public async Task<Guid?> CreateTenantAsync(string slug, string name, CancellationToken ct)
    {
        const string sql = "INSERT INTO tenants (id, slug, name) VALUES (@Id, @slug, @name) ON CONFLICT (slug) DO NOTHING RETURNING id";
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(sql, new { Id = Guid.CreateVersion7(), slug, name }, cancellationToken: ct));
    }

    public async Task<Guid> EnsureUserAsync(Guid tenantId, string username, string displayName, string password, string[] roles,
        CancellationToken ct, Guid[]? projectIds = null)
    {
        if (roles.Length == 0 || roles.Any(role => !Roles.All.Contains(role)))
        {
            throw new ArgumentException($"Roles must be among: {string.Join(", ", Roles.All)}.", nameof(roles));
        }
        const string sql = """
            INSERT INTO users (id, tenant_id, username, display_name, password_hash, roles, project_ids)
            VALUES (@Id, @tenantId, @username, @displayName, @PasswordHash, @roles, @ProjectIds)
            ON CONFLICT (tenant_id, username) DO UPDATE
                SET display_name = EXCLUDED.display_name, password_hash = EXCLUDED.password_hash, roles = EXCLUDED.roles,
                    project_ids = EXCLUDED.project_ids, disabled_at = NULL, failed_sign_ins = 0, locked_until = NULL,
                    token_version = users.token_version + 1
            RETURNING id
            """;
        await using var session = await db.BeginTenantSessionAsync(tenantId, ct);
        var id = await session.QuerySingleOrDefaultAsync<Guid>(sql, new
        {
            Id = Guid.CreateVersion7(), tenantId, username, displayName, PasswordHash = Hasher.HashPassword(new object(), password),
            roles, ProjectIds = projectIds ?? [],
        }, ct);
        await session.CommitAsync(ct);
        return id;
    }
}

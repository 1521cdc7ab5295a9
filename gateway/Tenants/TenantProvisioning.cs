using Dapper;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using Platform.ServiceDefaults.Auth;

namespace Platform.Gateway.Tenants;

/// <summary>Creates call centers and their users (idempotently: running it again updates, never duplicates).</summary>
public sealed class TenantProvisioning(NpgsqlDataSource db)
{
    private readonly PasswordHasher<object> hasher = new();

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

    public async Task<Guid> EnsureUserAsync(Guid tenantId, string username, string displayName, string password, string[] roles, CancellationToken ct)
    {
        if (roles.Length == 0 || roles.Any(role => !Roles.All.Contains(role)))
        {
            throw new ArgumentException($"Roles must be among: {string.Join(", ", Roles.All)}.", nameof(roles));
        }
        const string sql = """
            INSERT INTO users (id, tenant_id, username, display_name, password_hash, roles)
            VALUES (@Id, @tenantId, @username, @displayName, @PasswordHash, @roles)
            ON CONFLICT (tenant_id, username) DO UPDATE
                SET display_name = EXCLUDED.display_name, password_hash = EXCLUDED.password_hash,
                    roles = EXCLUDED.roles, disabled_at = NULL
            RETURNING id
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<Guid>(new CommandDefinition(sql, new
        {
            Id = Guid.CreateVersion7(), tenantId, username, displayName, PasswordHash = hasher.HashPassword(username, password), roles,
        }, cancellationToken: ct));
    }
}

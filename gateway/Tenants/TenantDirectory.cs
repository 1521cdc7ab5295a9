using Dapper;
using Npgsql;

namespace Platform.Gateway.Tenants;

/// <summary>Finds a call center by the slug people type at sign-in (the one table without a tenant policy).</summary>
public sealed class TenantDirectory(NpgsqlDataSource db)
{
    public async Task<Guid?> FindAsync(string slug, CancellationToken ct)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
            "SELECT id FROM tenants WHERE slug = @slug", new { slug }, cancellationToken: ct));
    }
}

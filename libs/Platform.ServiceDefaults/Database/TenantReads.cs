using Dapper;
using Npgsql;

namespace Platform.ServiceDefaults.Database;

/// <summary>
/// A read that needs no unit of work, in one round trip: the tenant (<see cref="TenantStatement"/>) and the query go to
/// PostgreSQL as one batch, which it runs as one implicit transaction, so the setting (local to that transaction) holds for
/// the query and row-level security applies as in a <see cref="TenantSession"/>. For the reads repeated all day (an agent's
/// desktop after every change), where BEGIN, the setting and COMMIT were three round trips around one query.
/// </summary>
public static class TenantReads
{
    public static async Task<T?> QueryFirstOrDefaultAsTenantAsync<T>(
        this NpgsqlDataSource dataSource, Guid tenantId, string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await DatabaseResilience.OpenAsync(dataSource, cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<T>(TenantStatement.For(tenantId, sql, parameters, null, cancellationToken));
    }
}

using Dapper;
using Npgsql;

namespace Platform.ServiceDefaults.Database;

/// <summary>
/// A read that needs no unit of work, in one round trip: the tenant's <c>app.tenant_id</c> and the query go to PostgreSQL
/// as one batch, which it runs as one implicit transaction, so the setting (local to that transaction) holds for the query
/// and row-level security applies as in a <see cref="TenantSession"/>. For the reads repeated all day (an agent's desktop
/// after every change), where BEGIN, the setting and COMMIT were three round trips around one query.
/// </summary>
public static class TenantReads
{
    public static async Task<T?> QueryFirstOrDefaultAsTenantAsync<T>(
        this NpgsqlDataSource dataSource, Guid tenantId, string sql, object parameters, CancellationToken cancellationToken)
    {
        var arguments = new DynamicParameters(parameters);
        arguments.Add("platform_read_tenant", tenantId.ToString());
        await using var connection = await DatabaseResilience.OpenAsync(dataSource, cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            "SELECT set_config('app.tenant_id', @platform_read_tenant, true);\n" + sql, arguments, cancellationToken: cancellationToken));
        await results.ReadAsync<string>();
        return await results.ReadFirstOrDefaultAsync<T>();
    }
}

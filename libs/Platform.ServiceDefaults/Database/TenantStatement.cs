using System.Data;
using Dapper;

namespace Platform.ServiceDefaults.Database;

/// <summary>
/// A statement with its tenant named in front of it, in the same round trip: <c>CALL set_tenant(…)</c> (migration 0004) sets
/// <c>app.tenant_id</c> for the transaction (an explicit one, or the implicit one PostgreSQL runs a batch in) and returns no
/// rows, so the caller's statement is still the first result Dapper reads; the tenant is a parameter, so it is one prepared
/// statement for every tenant.
/// </summary>
internal static class TenantStatement
{
    private const string TenantParameter = "platform_tenant";

    public static CommandDefinition For(Guid tenantId, string sql, object? parameters, IDbTransaction? transaction, CancellationToken cancellationToken)
    {
        var arguments = new DynamicParameters(parameters);
        arguments.Add(TenantParameter, tenantId);
        return new CommandDefinition($"CALL set_tenant(@{TenantParameter});\n{sql}", arguments, transaction, cancellationToken: cancellationToken);
    }
}

using System.Text.RegularExpressions;
using Dapper;
using Npgsql;

namespace Platform.ServiceDefaults.Database;

/// <summary>
/// The database role a service runs as: it may log in and read and write its database's tables, and nothing
/// more; above all it is not a superuser and has no BYPASSRLS, so row-level security applies to it.
/// </summary>
/// <param name="CrossTenant">The system-task role: a member of <c>platform_cross_tenant</c> (migration 0006), which the
/// request-serving role never is.</param>
public sealed partial record AppRole(string Name, string Password, bool CrossTenant = false)
{
    public async Task EnsureAsync(NpgsqlConnection owner, CancellationToken cancellationToken)
    {
        if (!ValidName().IsMatch(Name))
        {
            throw new InvalidOperationException($"'{Name}' is not a usable role name (lower-case letters, digits, underscores).");
        }
        var role = $"\"{Name}\"";
        var password = $"'{Password.Replace("'", "''")}'";
        var exists = await owner.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = @Name)", new { Name }, cancellationToken: cancellationToken));
        var verb = exists ? "ALTER" : "CREATE";
        var sql = $"""
            {verb} ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD {password};
            GRANT CONNECT ON DATABASE "{owner.Database}" TO {role};
            GRANT USAGE ON SCHEMA public TO {role};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};
            GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO {role};
            REVOKE ALL ON TABLE schemaversions FROM {role};
            {(CrossTenant ? "GRANT platform_cross_tenant TO " : "REVOKE platform_cross_tenant FROM ")}{role};
            """;
        // Replicas of one service run this under the migrator's advisory lock, one at a time.
        await owner.ExecuteAsync(new CommandDefinition(sql, cancellationToken: cancellationToken));
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex ValidName();
}

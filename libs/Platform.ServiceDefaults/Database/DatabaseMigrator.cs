using System.Reflection;
using System.Text;
using Dapper;
using DbUp;
using DbUp.Engine;
using DbUp.ScriptProviders;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.ServiceDefaults.Database;

/// <summary>
/// Creates the service's database when missing and applies its numbered, embedded <c>Migrations/NNNN_verb_noun.sql</c>
/// files with DbUp: first the platform's own (outbox, inbox, tenant isolation), then the service's; then makes sure
/// the service's <see cref="AppRole"/> exists and may use the tables. An advisory lock lets several replicas start at
/// once without racing.
/// </summary>
public sealed class DatabaseMigrator(string connectionString, AppRole appRole, Assembly serviceAssembly, ILogger<DatabaseMigrator> logger,
    AppRole? systemRole = null)
{
    private const long MigrationLockKey = 0x706c6174666f726d; // "platform"

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await EnsureDatabaseAsync(cancellationToken);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("SELECT pg_advisory_lock(@MigrationLockKey)", new { MigrationLockKey });
        try
        {
            var upgrade = DeployChanges.To.PostgresqlDatabase(connectionString)
                .WithScripts(Scripts(typeof(DatabaseMigrator).Assembly, runGroupOrder: 0))
                .WithScripts(Scripts(serviceAssembly, runGroupOrder: 1))
                .WithTransactionPerScript()
                .LogTo(new DbUpLog(logger))
                .Build()
                .PerformUpgrade();
            if (!upgrade.Successful)
            {
                throw new InvalidOperationException($"Migration {upgrade.ErrorScript?.Name} failed.", upgrade.Error);
            }
            await appRole.EnsureAsync(connection, cancellationToken);
            if (systemRole is not null)
            {
                await systemRole.EnsureAsync(connection, cancellationToken);
            }
        }
        finally
        {
            await connection.ExecuteAsync("SELECT pg_advisory_unlock(@MigrationLockKey)", new { MigrationLockKey });
        }
    }

    private static EmbeddedScriptProvider Scripts(Assembly assembly, int runGroupOrder) =>
        new(assembly,
            name => name.Contains(".Migrations.", StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal),
            Encoding.UTF8,
            new SqlScriptOptions { RunGroupOrder = runGroupOrder });

    private async Task EnsureDatabaseAsync(CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var exists = await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @Database)", new { target.Database });
        if (exists)
        {
            return;
        }
        try
        {
            logger.LogInformation("Creating database {Database}", target.Database);
            await connection.ExecuteAsync($"CREATE DATABASE \"{target.Database!.Replace("\"", "\"\"")}\"");
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // another replica created it first
        }
    }

    private sealed class DbUpLog(ILogger logger) : DbUp.Engine.Output.IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) => logger.LogTrace(format, args);
        public void LogDebug(string format, params object[] args) => logger.LogDebug(format, args);
        public void LogInformation(string format, params object[] args) => logger.LogInformation(format, args);
        public void LogWarning(string format, params object[] args) => logger.LogWarning(format, args);
        public void LogError(string format, params object[] args) => logger.LogError(format, args);
        public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, format, args);
    }
}

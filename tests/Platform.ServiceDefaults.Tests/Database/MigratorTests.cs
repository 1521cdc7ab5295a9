using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.ServiceDefaults.Database;
using Platform.Testing;
using Xunit;

namespace Platform.ServiceDefaults.Tests.Database;

public sealed class MigratorTests
{
    [Fact]
    public async Task Replicas_migrating_a_new_database_at_once_create_it_and_apply_each_script_once()
    {
        var servers = await TestServers.GetAsync();
        var database = $"platform_migrator_{Guid.NewGuid():N}"[..30];
        var connectionString = new NpgsqlConnectionStringBuilder(servers.Postgres) { Database = database }.ConnectionString;
        try
        {
            var replicas = Enumerable.Range(0, 3)
                .Select(_ => new DatabaseMigrator(connectionString, typeof(MigratorTests).Assembly, NullLogger<DatabaseMigrator>.Instance));
            await Task.WhenAll(replicas.Select(migrator => migrator.MigrateAsync(CancellationToken.None)));
            await new DatabaseMigrator(connectionString, typeof(MigratorTests).Assembly, NullLogger<DatabaseMigrator>.Instance)
                .MigrateAsync(CancellationToken.None); // and once more, later

            await using var connection = new NpgsqlConnection(connectionString);
            var applied = (await connection.QueryAsync<string>("SELECT scriptname FROM schemaversions ORDER BY schemaversionsid")).ToList();
            Assert.Equal(
                ["Platform.ServiceDefaults.Migrations.0001_create_outbox_and_inbox.sql", "Platform.ServiceDefaults.Tests.Migrations.0001_create_deliveries.sql"],
                applied);
            Assert.Equal(3, await connection.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM pg_tables WHERE tablename IN ('outbox_messages', 'inbox_messages', 'deliveries')"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(servers.Postgres);
            await admin.ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }
}

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
        var appRole = new AppRole($"{database}_app", "test-app-password");
        try
        {
            var replicas = Enumerable.Range(0, 3)
                .Select(_ => new DatabaseMigrator(connectionString, appRole, typeof(MigratorTests).Assembly, NullLogger<DatabaseMigrator>.Instance));
            await Task.WhenAll(replicas.Select(migrator => migrator.MigrateAsync(CancellationToken.None)));
            await new DatabaseMigrator(connectionString, appRole, typeof(MigratorTests).Assembly, NullLogger<DatabaseMigrator>.Instance)
                .MigrateAsync(CancellationToken.None); // and once more, later

            await using var connection = new NpgsqlConnection(connectionString);
            var applied = (await connection.QueryAsync<string>("SELECT scriptname FROM schemaversions ORDER BY schemaversionsid")).ToList();
            Assert.Equal(
                ["Platform.ServiceDefaults.Migrations.0001_create_outbox_and_inbox.sql", "Platform.ServiceDefaults.Migrations.0002_create_tenant_isolation.sql",
                 "Platform.ServiceDefaults.Migrations.0003_add_outbox_bulk_lane.sql", "Platform.ServiceDefaults.Migrations.0004_create_set_tenant.sql",
                 "Platform.ServiceDefaults.Migrations.0005_add_outbox_set_aside.sql", "Platform.ServiceDefaults.Migrations.0006_restrict_cross_tenant_work.sql",
                 "Platform.ServiceDefaults.Tests.Migrations.0001_create_deliveries.sql", "Platform.ServiceDefaults.Tests.Migrations.0002_isolate_tenants.sql"],
                applied);
            Assert.Equal(3, await connection.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM pg_tables WHERE tablename IN ('outbox_messages', 'inbox_messages', 'deliveries')"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(servers.Postgres);
            await admin.ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            await admin.ExecuteAsync($"DROP ROLE IF EXISTS \"{appRole.Name}\"");
        }
    }

    [Fact]
    public async Task The_role_a_service_runs_as_cannot_bypass_row_level_security_or_touch_the_migration_journal()
    {
        var servers = await TestServers.GetAsync();
        var database = $"platform_approle_{Guid.NewGuid():N}"[..30];
        var owner = new NpgsqlConnectionStringBuilder(servers.Postgres) { Database = database };
        var appRole = new AppRole($"{database}_app", "test-app-password");
        try
        {
            await new DatabaseMigrator(owner.ConnectionString, appRole, typeof(MigratorTests).Assembly, NullLogger<DatabaseMigrator>.Instance)
                .MigrateAsync(CancellationToken.None);

            await using var admin = new NpgsqlConnection(owner.ConnectionString);
            var role = await admin.QuerySingleAsync<(bool Super, bool Bypass)>(
                "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = @Name", new { appRole.Name });
            Assert.Equal((false, false), role);

            await using var app = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(owner.ConnectionString)
                { Username = appRole.Name, Password = appRole.Password }.ConnectionString);
            var denied = await Assert.ThrowsAsync<PostgresException>(() => app.ExecuteScalarAsync<long>("SELECT count(*) FROM schemaversions"));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(servers.Postgres);
            await admin.ExecuteAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            await admin.ExecuteAsync($"DROP ROLE IF EXISTS \"{appRole.Name}\"");
        }
    }
}

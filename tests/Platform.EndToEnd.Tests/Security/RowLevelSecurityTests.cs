using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.ServiceDefaults.Database;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Platform.EndToEnd.Tests.Security;

/// <summary>
/// The second wall: queries with the tenant filter left out, run as the service's own database role, still see only
/// the session's tenant, and cannot write another tenant's rows.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class RowLevelSecurityTests(PlatformUnderTest platform, ITestOutputHelper output)
{
    private IEnumerable<(string Service, NpgsqlDataSource AppRole)> Services() =>
    [
        ("clients", platform.Clients.Services.GetRequiredService<NpgsqlDataSource>()),
        ("queue", platform.Queue.Services.GetRequiredService<NpgsqlDataSource>()),
        ("scripts", platform.Scripts.Services.GetRequiredService<NpgsqlDataSource>()),
        ("reporting", platform.Reporting.Services.GetRequiredService<NpgsqlDataSource>()),
        ("gateway", platform.Gateway.Services.GetRequiredService<NpgsqlDataSource>()),
    ];

    [Fact]
    public async Task Every_table_with_a_tenant_column_forces_row_level_security()
    {
        var tables = 0;
        foreach (var (service, _) in Services())
        {
            await using var owner = platform.Database(service);
            var unprotected = (await owner.QueryAsync<string>("""
                SELECT c.relname FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
                WHERE c.relkind = 'r' AND NOT (c.relrowsecurity AND c.relforcerowsecurity)
                """)).ToList();
            tables += await owner.ExecuteScalarAsync<int>("""
                SELECT count(*) FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id'
                WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace
                """);
            Assert.True(unprotected.Count == 0, $"{service}: no forced row-level security on {string.Join(", ", unprotected)}");
        }
        output.WriteLine($"{tables} tenant tables checked");
    }

    [Fact]
    public async Task Without_the_tenant_filter_a_query_still_sees_only_its_own_tenant()
    {
        var a = await TenantWorld.CreateAsync(platform);
        var b = await TenantWorld.CreateAsync(platform);
        foreach (var (service, appRole) in Services())
        {
            await using var owner = platform.Database(service);
            var tables = (await owner.QueryAsync<string>("""
                SELECT c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id'
                WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace ORDER BY 1
                """)).ToList();
            foreach (var table in tables)
            {
                var aRows = await owner.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table} WHERE tenant_id = @Id", new { a.Tenant.Id });
                await using var session = await appRole.BeginTenantSessionAsync(a.Tenant.Id, CancellationToken.None);
                // The filter "forgotten": every row of the table is asked for.
                var visible = await session.QueryAsync<Guid>($"SELECT tenant_id FROM {table}", null, CancellationToken.None);
                Assert.All(visible, tenant => Assert.Equal(a.Tenant.Id, tenant));
                Assert.Equal(aRows, visible.LongCount());
            }
            await using var noTenant = await appRole.OpenConnectionAsync();
            foreach (var table in tables)
            {
                Assert.Equal(0, await noTenant.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}"));
            }
        }
        // and B's rows exist: the emptiness above is the wall, not an empty table
        await using var clients = platform.Database("clients");
        Assert.Equal(1, await clients.ExecuteScalarAsync<long>("SELECT count(*) FROM projects WHERE tenant_id = @Id AND id = @ProjectId", new { b.Tenant.Id, b.ProjectId }));
    }

    [Fact]
    public async Task Another_tenants_rows_cannot_be_written_even_by_a_statement_that_names_them()
    {
        var a = await TenantWorld.CreateAsync(platform);
        var b = await TenantWorld.CreateAsync(platform);
        var clients = platform.Clients.Services.GetRequiredService<NpgsqlDataSource>();

        await using (var session = await clients.BeginTenantSessionAsync(a.Tenant.Id, CancellationToken.None))
        {
            var renamed = await session.ExecuteAsync("UPDATE projects SET name = 'taken over' WHERE id = @ProjectId", new { b.ProjectId }, CancellationToken.None);
            var deleted = await session.ExecuteAsync("DELETE FROM projects WHERE id = @ProjectId", new { b.ProjectId }, CancellationToken.None);
            Assert.Equal((0, 0), (renamed, deleted));
            await session.CommitAsync(CancellationToken.None);
        }
        await using (var session = await clients.BeginTenantSessionAsync(a.Tenant.Id, CancellationToken.None))
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => session.ExecuteAsync("""
                INSERT INTO projects (tenant_id, id, name, direction, time_zone, created_at, created_by)
                VALUES (@Id, gen_random_uuid(), 'planted', 'inbound', 'UTC', now(), gen_random_uuid())
                """, new { b.Tenant.Id }, CancellationToken.None));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
        await using var owner = platform.Database("clients");
        Assert.Equal($"Project of {b.Tenant.Slug}", await owner.ExecuteScalarAsync<string>(
            "SELECT name FROM projects WHERE id = @ProjectId", new { b.ProjectId }));
    }
}

using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.ServiceDefaults.Database;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Platform.EndToEnd.Tests.Security;

/// <summary>
/// The cross-tenant switches (<c>app.outbox_relay</c>, <c>app.system_task</c>) belong to each service's <c>_system</c> role:
/// the role that serves requests cannot switch row-level security off from its own session, in any service's database.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CrossTenantSwitchTests(PlatformUnderTest platform, ITestOutputHelper output)
{
    private IEnumerable<(string Service, IServiceProvider Services)> Services() =>
    [
        ("clients", platform.Clients.Services),
        ("queue", platform.Queue.Services),
        ("scripts", platform.Scripts.Services),
        ("reporting", platform.Reporting.Services),
        ("gateway", platform.Gateway.Services),
    ];

    private sealed record Role(string Name, bool Super, bool BypassRls, bool CrossTenant);

    private static async Task<Role> WhoAsync(NpgsqlDataSource source)
    {
        await using var connection = await source.OpenConnectionAsync();
        return await connection.QuerySingleAsync<Role>("""
            SELECT rolname AS name, rolsuper AS super, rolbypassrls AS bypassrls,
                   pg_has_role(current_user, 'platform_cross_tenant', 'MEMBER') AS crosstenant
            FROM pg_roles WHERE rolname = current_user
            """);
    }

    [Fact]
    public async Task Every_policy_behind_a_switch_asks_for_the_cross_tenant_role_which_only_the_system_role_holds()
    {
        var switched = 0;
        foreach (var (service, services) in Services())
        {
            await using var owner = platform.Database(service);
            switched += await owner.ExecuteScalarAsync<int>("""
                SELECT count(*)::int FROM pg_policies
                WHERE schemaname = 'public' AND (qual ~ 'app\.(outbox_relay|system_task)' OR with_check ~ 'app\.(outbox_relay|system_task)')
                """);
            var loose = (await owner.QueryAsync<string>("""
                SELECT tablename || '.' || policyname FROM pg_policies
                WHERE schemaname = 'public'
                  AND ((qual ~ 'app\.(outbox_relay|system_task)' AND qual !~ 'may_cross_tenants\(\)')
                    OR (with_check ~ 'app\.(outbox_relay|system_task)' AND with_check !~ 'may_cross_tenants\(\)'))
                """)).ToList();
            Assert.True(loose.Count == 0, $"{service}: policies open to the switch alone: {string.Join(", ", loose)}");

            var app = await WhoAsync(services.GetRequiredService<NpgsqlDataSource>());
            var system = await WhoAsync(services.GetRequiredKeyedService<NpgsqlDataSource>(CrossTenantDataSource.Key));
            var ownerName = await owner.ExecuteScalarAsync<string>("SELECT current_user");
            Assert.Equal(new Role(app.Name, false, false, false), app);
            Assert.Equal(new Role(system.Name, false, false, true), system);
            Assert.NotEqual(app.Name, system.Name);
            Assert.NotEqual(ownerName, app.Name);
            Assert.NotEqual(ownerName, system.Name);
        }
        output.WriteLine($"{switched} policies open to a cross-tenant switch, each behind may_cross_tenants()");
        Assert.True(switched > 0, "no policy names a switch: the check above looked at nothing");
    }

    [Fact]
    public async Task The_request_role_setting_both_switches_sees_no_row_of_another_tenant_in_any_table()
    {
        await TenantWorld.CreateAsync(platform); // rows of a tenant in every service
        var stranger = Guid.NewGuid();
        var checkedTables = 0;
        foreach (var (service, services) in Services())
        {
            await using var owner = platform.Database(service);
            var appRole = services.GetRequiredService<NpgsqlDataSource>();
            await using var app = await appRole.OpenConnectionAsync();
            var tables = (await app.QueryAsync<string>("""
                SELECT c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
                WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace AND has_table_privilege(current_user, c.oid, 'SELECT')
                ORDER BY 1
                """)).ToList();
            foreach (var table in tables)
            {
                var rows = await owner.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}");
                if (rows == 0)
                {
                    continue; // nothing to leak here: the policy check above covers it
                }
                await using var transaction = await app.BeginTransactionAsync();
                await app.ExecuteAsync("""
                    SELECT set_config('app.tenant_id', @stranger, true), set_config('app.outbox_relay', 'on', true),
                           set_config('app.system_task', 'on', true)
                    """, new { stranger = stranger.ToString() }, transaction);
                var seen = await app.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table}", transaction: transaction);
                Assert.True(seen == 0, $"{service}.{table}: the request role saw {seen} of {rows} rows of other tenants with the switches on");
                await transaction.RollbackAsync();
                checkedTables++;
            }
        }
        output.WriteLine($"{checkedTables} tables with rows checked with both switches on as the request role: 0 rows seen");
        Assert.True(checkedTables > 0);
    }
}

using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Contracts.Projects;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Outbox;
using Xunit;

namespace Platform.ServiceDefaults.Tests.Database;

/// <summary>The switch that opens every tenant's outbox is the relay's role's, not the request-serving role's.</summary>
[Collection(MessagingCollection.Name)]
public sealed class CrossTenantRoleTests(MessagingHost host)
{
    private static async Task<long> CountAcrossTenantsAsync(NpgsqlDataSource source, Guid tenantId)
    {
        await using var connection = await source.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("SELECT set_config('app.outbox_relay', 'on', true)", transaction: transaction);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE tenant_id = @tenantId", new { tenantId }, transaction);
    }

    [Fact]
    public async Task The_request_role_setting_the_relays_switch_still_sees_no_other_tenant_and_the_relays_role_does()
    {
        var tenantId = Guid.NewGuid();
        await using (var session = await host.Database.BeginTenantSessionAsync(tenantId, CancellationToken.None))
        {
            await session.PublishAsync(new ProjectCreated(tenantId, Guid.NewGuid(), "someone else's", ProjectDirection.Outbound, "Europe/Prague", DateTimeOffset.UtcNow),
                CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }
        var crossTenant = host.App.Services.GetRequiredKeyedService<NpgsqlDataSource>(CrossTenantDataSource.Key);

        Assert.Equal(0, await CountAcrossTenantsAsync(host.Database, tenantId));
        Assert.Equal(1, await CountAcrossTenantsAsync(crossTenant, tenantId));
        await using var connection = await host.Database.OpenConnectionAsync();
        Assert.False(await connection.ExecuteScalarAsync<bool>("SELECT may_cross_tenants()"));
        Assert.False(await connection.ExecuteScalarAsync<bool>("SELECT rolbypassrls OR rolsuper FROM pg_roles WHERE rolname = current_user"));
    }
}

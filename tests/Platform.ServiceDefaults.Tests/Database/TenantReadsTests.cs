using Dapper;
using Platform.Contracts.Projects;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Outbox;
using Xunit;

namespace Platform.ServiceDefaults.Tests.Database;

[Collection(MessagingCollection.Name)]
public sealed class TenantReadsTests(MessagingHost host)
{
    [Fact]
    public async Task A_one_round_trip_read_sees_its_tenants_rows_only()
    {
        var tenant = Guid.NewGuid();
        var other = Guid.NewGuid();
        await using (var session = await host.Database.BeginTenantSessionAsync(tenant, CancellationToken.None))
        {
            await session.PublishAsync(new ProjectCreated(tenant, Guid.NewGuid(), "mine", ProjectDirection.Inbound, "Europe/Prague", DateTimeOffset.UtcNow),
                CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }
        const string sql = "SELECT count(*) FROM outbox_messages WHERE message_type LIKE @type";

        Assert.Equal(1, await host.Database.QueryFirstOrDefaultAsTenantAsync<long>(tenant, sql, new { type = "%ProjectCreated" }, CancellationToken.None));
        Assert.Equal(0, await host.Database.QueryFirstOrDefaultAsTenantAsync<long>(other, sql, new { type = "%ProjectCreated" }, CancellationToken.None));
    }

    [Fact]
    public async Task The_tenant_of_a_read_does_not_outlive_it_on_the_pooled_connection()
    {
        var tenant = Guid.NewGuid();

        var during = await host.Database.QueryFirstOrDefaultAsTenantAsync<string>(
            tenant, "SELECT current_setting('app.tenant_id', true) || ' ' || pg_backend_pid()", new { }, CancellationToken.None);
        var backend = int.Parse(during!.Split(' ')[1]);
        // Connections go back to the pool without a reset: find the read's own connection among the pool's and look at it.
        var held = new List<Npgsql.NpgsqlConnection>();
        try
        {
            string? after = "not found";
            for (var i = 0; i < 50 && after == "not found"; i++)
            {
                var connection = await host.Database.OpenConnectionAsync();
                held.Add(connection);
                var (pid, setting) = await connection.QuerySingleAsync<(int, string?)>(
                    "SELECT pg_backend_pid(), NULLIF(current_setting('app.tenant_id', true), '')");
                after = pid == backend ? setting : after;
            }

            Assert.Equal(tenant.ToString(), during.Split(' ')[0]);
            Assert.Null(after);
        }
        finally
        {
            foreach (var connection in held)
            {
                await connection.DisposeAsync();
            }
        }
    }
}

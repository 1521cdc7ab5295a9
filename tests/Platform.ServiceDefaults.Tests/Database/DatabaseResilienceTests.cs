using System.Data;
using Npgsql;
using Platform.ServiceDefaults.Database;
using Platform.Testing;
using Xunit;

namespace Platform.ServiceDefaults.Tests.Database;

public sealed class DatabaseResilienceTests
{
    [Fact]
    public async Task Opening_a_connection_rides_out_a_short_database_outage()
    {
        var servers = await TestServers.GetAsync();
        var server = new NpgsqlConnectionStringBuilder(servers.Postgres);
        await using var gate = new TcpGate(server.Host!, server.Port);
        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(servers.Postgres)
        {
            Host = "127.0.0.1", Port = gate.Port, Pooling = false, Timeout = 2,
        }.ConnectionString);
        gate.Close();

        // Without the retry, the outage is an error at once.
        await Assert.ThrowsAsync<NpgsqlException>(async () => await dataSource.OpenConnectionAsync());

        var opening = DatabaseResilience.OpenAsync(dataSource, CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        gate.Open();

        await using var connection = await opening;
        Assert.Equal(ConnectionState.Open, connection.State);
    }
}

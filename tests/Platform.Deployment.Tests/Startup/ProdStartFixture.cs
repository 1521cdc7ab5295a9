using System.Security.Cryptography;
using Npgsql;
using Platform.Testing;

namespace Platform.Deployment.Tests.Startup;

/// <summary>
/// What the prod overlay expects the operator to have made, made here for real on the test servers: the database owner
/// role (CREATEDB, CREATEROLE, not a superuser, a random password) on the test PostgreSQL, and a broker of the tests' own
/// whose user has a random password. Dropped again at the end, with the databases and roles the services made.
/// </summary>
public sealed class ProdStartFixture : IAsyncLifetime
{
    public string Suffix { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
    public string OwnerPassword { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    public string Owner => $"k8s_owner_{Suffix}";
    public PrivateBroker Broker { get; } = PrivateBroker.WithOwnUser("k8s-test");
    public NpgsqlConnectionStringBuilder Postgres { get; private set; } = new();

    public string DatabaseOf(string service) => $"k8s_{service}_{Suffix}";

    public async Task InitializeAsync()
    {
        Postgres = new NpgsqlConnectionStringBuilder((await TestServers.GetAsync()).Postgres);
        await ExecuteAsync($"CREATE ROLE \"{Owner}\" LOGIN CREATEDB CREATEROLE NOSUPERUSER PASSWORD '{OwnerPassword}'");
        await Broker.StartAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var (service, _) in Repository.Workloads)
        {
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{DatabaseOf(service)}\" WITH (FORCE)");
            await ExecuteAsync($"DROP ROLE IF EXISTS \"{DatabaseOf(service)}_app\"");
            await ExecuteAsync($"DROP ROLE IF EXISTS \"{DatabaseOf(service)}_system\"");
        }
        await ExecuteAsync($"DROP ROLE IF EXISTS \"{Owner}\"");
        await Broker.DisposeAsync();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Postgres.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

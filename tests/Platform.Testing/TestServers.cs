using System.Net.Sockets;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using Npgsql;
using Testcontainers.PostgreSql;

namespace Platform.Testing;

/// <summary>
/// The real PostgreSQL and RabbitMQ the tests run against, found once per test process, in this order:
/// 1. <c>TEST_PG_CONNECTION_STRING</c> and <c>TEST_RABBITMQ_URL</c> (what <c>make test</c> sets);
/// 2. Testcontainers, when a Docker engine is reachable;
/// 3. the servers of <c>scripts/infra.sh up</c> on their default ports.
/// When none answers, every test that needs them fails with a message saying how to start them. None is skipped.
/// </summary>
public static class TestServers
{
    private const string LocalPostgres = "Host=127.0.0.1;Port=54329;Username=postgres;Password=postgres";
    private const string LocalRabbitMq = "amqp://guest:guest@127.0.0.1:56729/platform-test";
    private static readonly Lazy<Task<Servers>> Found = new(FindAsync);

    public sealed record Servers(string Postgres, string RabbitMq, string Origin);

    public static Task<Servers> GetAsync() => Found.Value;

    private static async Task<Servers> FindAsync()
    {
        var postgres = Environment.GetEnvironmentVariable("TEST_PG_CONNECTION_STRING");
        var rabbitmq = Environment.GetEnvironmentVariable("TEST_RABBITMQ_URL");
        if (!string.IsNullOrEmpty(postgres) && !string.IsNullOrEmpty(rabbitmq))
        {
            return await Verified(new Servers(postgres, rabbitmq, "environment (TEST_PG_CONNECTION_STRING, TEST_RABBITMQ_URL)"));
        }
        var containers = await TryContainersAsync();
        if (containers is not null)
        {
            return containers;
        }
        return await Verified(new Servers(LocalPostgres, LocalRabbitMq, "scripts/infra.sh defaults"));
    }

    private static async Task<Servers?> TryContainersAsync()
    {
        PostgreSqlContainer postgres;
        IContainer rabbitmq;
        try
        {
            postgres = new PostgreSqlBuilder("postgres:15-alpine").Build();
            rabbitmq = new ContainerBuilder("rabbitmq:3.13-alpine")
                .WithPortBinding(5672, assignRandomHostPort: true)
                .WithWaitStrategy(Wait.ForUnixContainer().UntilMessageIsLogged("Server startup complete"))
                .Build();
        }
        catch (DockerUnavailableException)
        {
            return null;
        }
        await Task.WhenAll(postgres.StartAsync(), rabbitmq.StartAsync());
        return new Servers(
            postgres.GetConnectionString(),
            $"amqp://guest:guest@{rabbitmq.Hostname}:{rabbitmq.GetMappedPublicPort(5672)}/",
            "Testcontainers");
    }

    private static async Task<Servers> Verified(Servers servers)
    {
        var problems = new List<string>();
        try
        {
            await using var connection = new NpgsqlConnection(servers.Postgres);
            await connection.OpenAsync();
        }
        catch (Exception e)
        {
            problems.Add($"PostgreSQL does not answer ({e.Message})");
        }
        var rabbit = new Uri(servers.RabbitMq);
        try
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(rabbit.Host, rabbit.Port).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e)
        {
            problems.Add($"RabbitMQ does not answer at {rabbit.Host}:{rabbit.Port} ({e.Message})");
        }
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"These tests need PostgreSQL and RabbitMQ (looked for: {servers.Origin}): {string.Join("; ", problems)}. " +
                "Run `make test`, which starts them, or start them with `scripts/infra.sh up` " +
                "(or set TEST_PG_CONNECTION_STRING and TEST_RABBITMQ_URL, or make a Docker engine reachable for Testcontainers).");
        }
        return servers;
    }
}

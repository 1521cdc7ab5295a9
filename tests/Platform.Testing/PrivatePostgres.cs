namespace Platform.Testing;

/// <summary>
/// A PostgreSQL server of its own (own port, own data folder), started and stopped through the project's
/// <c>scripts/infra.sh</c>, for tests that stop and start the database server for real without disturbing the shared one.
/// <see cref="StopAsync"/> is <c>pg_ctl stop -m fast</c>: every session is ended (SQL state 57P01) and new connections are
/// refused until <see cref="StartAsync"/> has started it again on the same port, with the same data.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly Dictionary<string, string> environment;

    public PrivatePostgres()
    {
        Port = FreePorts.Next();
        environment = new Dictionary<string, string>
        {
            ["INFRA_SERVICES"] = "pg",
            ["INFRA_DIR"] = Path.Combine(InfraScript.RepositoryRoot, ".local", $"test-pg-{Port}"),
            ["PG_PORT"] = Port.ToString(),
            ["RABBIT_EPMD_PORT"] = FreePorts.Next().ToString(), // infra.sh down stops "its" epmd: never the shared broker's
        };
    }

    public int Port { get; }
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Password=postgres";

    public Task StartAsync() => InfraScript.RunAsync(environment, "up");
    public Task StopAsync() => InfraScript.RunAsync(environment, "down");

    public async ValueTask DisposeAsync() => await InfraScript.RunAsync(environment, "down", "--purge");
}

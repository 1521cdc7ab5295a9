using System.Security.Cryptography;

namespace Platform.Testing;

/// <summary>
/// A RabbitMQ node of its own (own ports, own data folder), started and stopped through the project's
/// <c>scripts/infra.sh</c>, for tests that stop the broker for real without disturbing the shared one.
/// </summary>
/// <remarks>
/// With <see cref="WithOwnUser"/> its only user is one with a random password (<see cref="Username"/>,
/// <see cref="Password"/>), for a service started as in Production, which refuses guest/guest.
/// </remarks>
public sealed class PrivateBroker : IAsyncDisposable
{
    private readonly Dictionary<string, string> environment;
    private readonly string directory;
    private readonly bool ownUser;

    public PrivateBroker() : this("test", ownUser: false)
    {
    }

    private PrivateBroker(string name, bool ownUser)
    {
        this.ownUser = ownUser;
        Port = FreePorts.Next();
        directory = Path.Combine(InfraScript.RepositoryRoot, ".local", $"{name}-broker-{Port}");
        environment = new Dictionary<string, string>
        {
            ["INFRA_SERVICES"] = "rabbitmq",
            ["INFRA_DIR"] = directory,
            ["RABBIT_PORT"] = Port.ToString(),
            ["RABBIT_DIST_PORT"] = FreePorts.Next().ToString(),
            ["RABBIT_EPMD_PORT"] = FreePorts.Next().ToString(),
            ["RABBIT_NODENAME"] = $"{name}-{Port}@localhost",
        };
    }

    /// <summary>A node whose only user is <see cref="Username"/> with a random <see cref="Password"/> (no guest).</summary>
    public static PrivateBroker WithOwnUser(string name) =>
        new(name, ownUser: true) { Username = name, Password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) };

    public int Port { get; }
    public string Username { get; private init; } = "guest";
    public string Password { get; private init; } = "guest";
    public string Url => $"amqp://{Username}:{Password}@127.0.0.1:{Port}/";

    public async Task StartAsync()
    {
        if (ownUser)
        {
            var rabbit = Path.Combine(directory, "rabbitmq");
            Directory.CreateDirectory(rabbit);
            // infra.sh keeps a rabbitmq.conf it finds; the vhost marker tells it the test vhost (for guest) needs nothing.
            await File.WriteAllTextAsync(Path.Combine(rabbit, "rabbitmq.conf"),
                $"log.console = false\nlog.file.level = warning\ndefault_user = {Username}\ndefault_pass = {Password}\nloopback_users = none\n");
            await File.WriteAllTextAsync(Path.Combine(rabbit, "vhost-platform-test"), "");
        }
        await InfraScript.RunAsync(environment, "up");
    }

    public Task StopAsync() => InfraScript.RunAsync(environment, "down");

    public async ValueTask DisposeAsync() => await InfraScript.RunAsync(environment, "down", "--purge");
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Platform.Deployment.Tests.Startup;

/// <summary>
/// A RabbitMQ node of these tests' own, started by the project's <c>scripts/infra.sh</c> with a data folder prepared so
/// that its only user is one with a random password: Production refuses the shared test broker's guest/guest.
/// </summary>
internal sealed class OwnBroker : IAsyncDisposable
{
    private readonly Dictionary<string, string> environment;
    private readonly string directory;

    public OwnBroker()
    {
        Port = FreePort();
        directory = Path.Combine(Repository.Root, ".local", $"k8s-test-broker-{Port}");
        environment = new Dictionary<string, string>
        {
            ["INFRA_SERVICES"] = "rabbitmq",
            ["INFRA_DIR"] = directory,
            ["RABBIT_PORT"] = Port.ToString(),
            ["RABBIT_DIST_PORT"] = FreePort().ToString(),
            ["RABBIT_EPMD_PORT"] = FreePort().ToString(),
            ["RABBIT_NODENAME"] = $"k8s-test-{Port}@localhost",
        };
    }

    public int Port { get; }
    public string Username { get; } = "k8s-test";
    public string Password { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public async Task StartAsync()
    {
        var rabbit = Path.Combine(directory, "rabbitmq");
        Directory.CreateDirectory(rabbit);
        // infra.sh keeps a rabbitmq.conf it finds; the vhost marker tells it the test vhost (for guest) needs nothing.
        await File.WriteAllTextAsync(Path.Combine(rabbit, "rabbitmq.conf"),
            $"log.console = false\nlog.file.level = warning\ndefault_user = {Username}\ndefault_pass = {Password}\nloopback_users = none\n");
        await File.WriteAllTextAsync(Path.Combine(rabbit, "vhost-platform-test"), "");
        await RunAsync("up");
    }

    public async ValueTask DisposeAsync() => await RunAsync("down", "--purge");

    private async Task RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Repository.Root, "scripts", "infra.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/infra.sh {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await errors}");
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

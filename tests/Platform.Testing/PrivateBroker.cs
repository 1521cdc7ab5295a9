using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Platform.Testing;

/// <summary>
/// A RabbitMQ node of its own (own ports, own data folder), started and stopped through the project's
/// <c>scripts/infra.sh</c>, for tests that stop the broker for real without disturbing the shared one.
/// </summary>
public sealed class PrivateBroker : IAsyncDisposable
{
    private readonly Dictionary<string, string> environment;
    private readonly string script;

    public PrivateBroker()
    {
        var root = RepositoryRoot();
        script = Path.Combine(root, "scripts", "infra.sh");
        Port = FreePort();
        environment = new Dictionary<string, string>
        {
            ["INFRA_SERVICES"] = "rabbitmq",
            ["INFRA_DIR"] = Path.Combine(root, ".local", $"test-broker-{Port}"),
            ["RABBIT_PORT"] = Port.ToString(),
            ["RABBIT_DIST_PORT"] = FreePort().ToString(),
            ["RABBIT_EPMD_PORT"] = FreePort().ToString(),
            ["RABBIT_NODENAME"] = $"test-{Port}@localhost",
        };
    }

    public int Port { get; }
    public string Url => $"amqp://guest:guest@127.0.0.1:{Port}/";

    public Task StartAsync() => RunAsync("up");
    public Task StopAsync() => RunAsync("down");

    public async ValueTask DisposeAsync() => await RunAsync("down", "--purge");

    private async Task RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
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

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "scripts", "infra.sh")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("scripts/infra.sh not found above the test's folder.");
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Platform.Faults.Tests.Support;

/// <summary>
/// One replica of a service as the gateway sees it: a separate process (<c>stub_service.py</c>) on a port of its own that
/// answers with its name. <see cref="Kill"/> is SIGKILL (no goodbye on its sockets); <see cref="StartAsync"/> brings it
/// back on the same port and returns when it answers.
/// </summary>
public sealed class StubReplica(string name) : IDisposable
{
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(1) };
    private Process? process;

    public string Name { get; } = name;
    public int Port { get; } = FreePort();
    public string Address => $"http://127.0.0.1:{Port}/";

    /// <summary>Starts the process and returns the moment it first answers (its "ready" time).</summary>
    public async Task<DateTime> StartAsync()
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Support", "stub_service.py"));
        start.ArgumentList.Add(Name);
        start.ArgumentList.Add(Port.ToString());
        process = Process.Start(start)!;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await Probe.GetAsync($"{Address}health/serving")).IsSuccessStatusCode)
                {
                    return DateTime.UtcNow;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(20);
            }
        }
        throw new TimeoutException($"The stub replica {Name} did not answer on port {Port}.");
    }

    /// <summary>SIGKILL, as the kernel's OOM killer or a node failure would.</summary>
    public void Kill()
    {
        process?.Kill(entireProcessTree: false);
        process?.WaitForExit();
        process?.Dispose();
        process = null;
    }

    public void Dispose() => Kill();

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

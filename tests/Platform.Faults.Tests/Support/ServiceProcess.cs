using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Platform.Faults.Tests.Support;

/// <summary>
/// One replica of a real service as its own process (<c>dotnet Platform.Queue.dll</c> from the service's build folder) on
/// a port of its own: <see cref="Kill"/> is SIGKILL, <see cref="StartAsync"/> starts it again on the same port and returns
/// when <c>/health/serving</c> answers.
/// </summary>
public sealed class ServiceProcess(string service, string assembly, IReadOnlyDictionary<string, string> settings) : IDisposable
{
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(2) };
    private Process? process;

    public int Port { get; } = FreePort();
    public string Address => $"http://127.0.0.1:{Port}/";

    public async Task<DateTime> StartAsync()
    {
        var folder = Path.Combine(RepositoryRoot(), "services", service, "bin", "Debug", "net10.0");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(folder, assembly));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = Address;
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__")] = value;
        }
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
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
            }
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{assembly} exited with {process.ExitCode} before it answered.");
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"{assembly} did not answer on port {Port}.");
    }

    public void Kill()
    {
        process?.Kill(entireProcessTree: true);
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

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "platform.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("platform.sln not found above the test's folder.");
    }
}

using System.Diagnostics;
using Platform.Testing;

namespace Platform.Faults.Tests.Support;

/// <summary>
/// A replica as its own process on a port of its own: <see cref="StartAsync"/> starts it and returns the moment
/// <c>/health/serving</c> first answers (its "ready" time); <see cref="Kill"/> is SIGKILL, as the kernel's OOM killer or a
/// node failure would do it (no goodbye on its sockets); started again, it comes back on the same port.
/// </summary>
public abstract class ReplicaProcess : IDisposable
{
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(2) };
    private Process? process;

    public int Port { get; } = FreePorts.Next();
    public string Address => $"http://127.0.0.1:{Port}/";

    /// <summary>What to run (its output is read and dropped).</summary>
    protected abstract ProcessStartInfo StartInfo();

    protected abstract string Name { get; }

    protected virtual TimeSpan StartTimeout => TimeSpan.FromSeconds(90);

    public async Task<DateTime> StartAsync()
    {
        var start = StartInfo();
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + StartTimeout;
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
                throw new InvalidOperationException($"{Name} exited with {process.ExitCode} before it answered.");
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"{Name} did not answer on port {Port}.");
    }

    /// <summary>SIGKILL to the process (and its children), then waits until it is gone.</summary>
    public void Kill()
    {
        process?.Kill(entireProcessTree: true);
        process?.WaitForExit();
        process?.Dispose();
        process = null;
    }

    public void Dispose()
    {
        Kill();
        GC.SuppressFinalize(this);
    }
}

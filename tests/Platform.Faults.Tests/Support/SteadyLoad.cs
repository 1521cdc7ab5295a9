using System.Collections.Concurrent;
using System.Diagnostics;

namespace Platform.Faults.Tests.Support;

/// <summary>A few clients sending GETs back to back through the gateway, every answer recorded.</summary>
public sealed class SteadyLoad : IAsyncDisposable
{
    public sealed record Answer(DateTime At, int Status, string Body, bool RetryAfter);

    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> workers;

    public SteadyLoad(HttpClient client, string path, int workers = 4) =>
        this.workers = Enumerable.Range(0, workers).Select(_ => Task.Run(() => RunAsync(client, path))).ToList();

    public ConcurrentQueue<Answer> Answers { get; } = new();
    public int Workers => workers.Count;

    private async Task RunAsync(HttpClient client, string path)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var response = await client.GetAsync(path, stop.Token);
                Answers.Enqueue(new Answer(DateTime.UtcNow, (int)response.StatusCode, await response.Content.ReadAsStringAsync(stop.Token),
                    response.Headers.RetryAfter is not null));
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException)
            {
                Answers.Enqueue(new Answer(DateTime.UtcNow, 0, "", false));
            }
            await Task.Delay(5);
        }
    }

    /// <summary>Waits (at most <paramref name="timeout"/>) for an answer that matches, returns it.</summary>
    public async Task<Answer> FirstAsync(Func<Answer, bool> match, TimeSpan timeout, string what)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (Answers.FirstOrDefault(match) is { } found)
            {
                return found;
            }
            await Task.Delay(10);
        }
        throw new TimeoutException($"Not within {timeout.TotalSeconds:0} s: {what}");
    }

    /// <summary>Stops the clients (again: nothing).</summary>
    public async ValueTask DisposeAsync()
    {
        if (stop.IsCancellationRequested)
        {
            return;
        }
        await stop.CancelAsync();
        await Task.WhenAll(workers);
    }
}

using System.Text.Json;

namespace Platform.EndToEnd.Tests.Queue;

/// <summary>Reads a server-sent events stream the way a browser's EventSource does: event name and data per blank-line-separated block.</summary>
internal sealed class SseReader(HttpResponseMessage response, StreamReader reader) : IAsyncDisposable
{
    public sealed record Event(string Name, JsonElement Data);

    public HttpResponseMessage Response { get; } = response;

    public static async Task<SseReader> OpenAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        return new SseReader(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    /// <summary>The next event that satisfies <paramref name="match"/>, skipping the others; fails after <paramref name="within"/>.</summary>
    public async Task<Event> NextAsync(Func<Event, bool> match, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        string name = "message";
        var data = new List<string>();
        while (true)
        {
            var line = await reader.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("The stream ended.");
            if (line.Length == 0)
            {
                if (data.Count > 0)
                {
                    using var json = JsonDocument.Parse(string.Join('\n', data));
                    var received = new Event(name, json.RootElement.Clone());
                    if (match(received))
                    {
                        return received;
                    }
                }
                name = "message";
                data.Clear();
            }
            else if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                name = line["event:".Length..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Add(line["data:".Length..].TrimStart());
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        reader.Dispose();
        Response.Dispose();
        await Task.CompletedTask;
    }
}

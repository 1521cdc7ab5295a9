using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Platform.CallSimulator.Agents;

/// <summary>What an agent's push channel says (the queue service's whole view of the agent), as far as the simulator needs it.</summary>
public sealed record AgentView(string State, string? PauseCode, Guid? CallId, string? CallStatus, DateTime? OfferExpiresAt)
{
    public bool Offered => CallStatus == "offered";

    public static AgentView From(JsonElement data)
    {
        var call = data.TryGetProperty("call", out var c) && c.ValueKind == JsonValueKind.Object ? c : (JsonElement?)null;
        return new AgentView(
            data.GetProperty("state").GetString()!,
            data.TryGetProperty("pauseCode", out var pause) && pause.ValueKind == JsonValueKind.String ? pause.GetString() : null,
            call?.GetProperty("callId").GetGuid(),
            call?.GetProperty("status").GetString(),
            call is { } o && o.TryGetProperty("offerExpiresAt", out var e) && e.ValueKind == JsonValueKind.String ? e.GetDateTime().ToUniversalTime() : null);
    }

    /// <summary>The <c>agent</c> events of a server-sent events stream (heartbeats skipped), as a browser's EventSource reads them.</summary>
    public static async IAsyncEnumerable<AgentView> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new StreamReader(stream);
        var name = "message";
        var data = new List<string>();
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.Length == 0)
            {
                if (name == "agent" && data.Count > 0)
                {
                    using var json = JsonDocument.Parse(string.Join('\n', data));
                    yield return From(json.RootElement);
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
}

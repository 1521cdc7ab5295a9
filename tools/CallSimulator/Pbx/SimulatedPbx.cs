using System.Text.Json;
using Platform.CallSimulator.Gateway;
using Platform.CallSimulator.Sampling;

namespace Platform.CallSimulator.Pbx;

/// <summary>
/// The PBX side of the telephony contract (docs/telephony.md): reads the tenant's command stream with a long poll,
/// "rings" the simulated devices (the agents answer on their desktops), bridges, stops ringing, answers dial-outs with a
/// realistic mix after a ring delay and reports the dial result, and acknowledges what it did. Commands are carried out
/// once however often they are read.
/// </summary>
public sealed class SimulatedPbx(GatewayUser pbx, PbxLedger ledger, DialMix mix, Random random, DialRings rings = DialRings.Quick)
{
    /// <summary>A batch of commands; with signing on, an answer whose signature is not the platform's is counted and not carried out.</summary>
    private async Task<JsonElement> ReadCommandsAsync(CancellationToken stop)
    {
        using var response = await pbx.SendAsync(HttpMethod.Get, "/api/queue/telephony/commands?limit=200&waitSeconds=1", null, "read pbx commands", stop);
        await GatewayUser.EnsureAsync(response, "read pbx commands", stop);
        var body = await response.Content.ReadAsByteArrayAsync(stop);
        if (pbx.SigningSecret is { } secret)
        {
            if (!PbxSigning.IsSignedAnswer(response, secret, body))
            {
                ledger.BadlySigned();
                return JsonDocument.Parse("""{ "commands": [] }""").RootElement.Clone();
            }
            ledger.SignedBatch();
        }
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var done = CarryAll(await ReadCommandsAsync(stop));
                if (done.Count > 0)
                {
                    using var ack = await pbx.SendAsync(HttpMethod.Post, "/api/queue/telephony/commands/ack", new { commandIds = done }, "ack pbx commands", stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException or KeyNotFoundException)
            {
                await Task.Delay(200, CancellationToken.None); // counted by operation; read again (the stream keeps what was not acknowledged)
            }
        }
        await Task.WhenAll(dialling);
    }

    /// <summary>
    /// The push side (<c>--pbx-webhook</c>): listens on <paramref name="listen"/> for the platform's signed batches, one at a
    /// time, and answers 200 once a batch is carried out (that acknowledges it), 401 to one whose signature is not the
    /// platform's (counted, not carried out: the platform sends it again).
    /// </summary>
    public async Task ListenAsync(Uri listen, CancellationToken stop)
    {
        using var listener = new System.Net.HttpListener();
        listener.Prefixes.Add(listen.ToString());
        listener.Start();
        using var stopping = stop.Register(listener.Stop);
        while (!stop.IsCancellationRequested)
        {
            System.Net.HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (stop.IsCancellationRequested && e is System.Net.HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                break;
            }
            using var response = context.Response;
            using var copy = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(copy, CancellationToken.None);
            var body = copy.ToArray();
            if (pbx.SigningSecret is not { } secret || !PbxSigning.IsSigned(context.Request.Headers[PbxSigning.TimestampHeader],
                    context.Request.Headers[PbxSigning.SignatureHeader], secret, body))
            {
                ledger.BadlySigned();
                response.StatusCode = 401;
                continue;
            }
            ledger.SignedBatch();
            ledger.Pushed();
            try
            {
                using var document = JsonDocument.Parse(body);
                CarryAll(document.RootElement.Clone());
                response.StatusCode = 200;
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                response.StatusCode = 400;
            }
        }
        await Task.WhenAll(dialling);
    }

    private readonly List<Task> dialling = [];

    /// <summary>Carries out a batch's commands in order (each once, however often it comes); the ids of the batch.</summary>
    private List<Guid> CarryAll(JsonElement batch)
    {
        var done = new List<Guid>();
        foreach (var command in batch.GetProperty("commands").EnumerateArray())
        {
            var id = command.GetProperty("commandId").GetGuid();
            if (ledger.Received(id, command.GetProperty("kind").GetString()!) && Carry(command) is { } dial)
            {
                dialling.Add(dial);
            }
            done.Add(id);
        }
        dialling.RemoveAll(t => t.IsCompleted);
        return done;
    }

    /// <summary>Carries out one command; a dial-out answers later, on its own.</summary>
    private Task? Carry(JsonElement command)
    {
        var body = command.GetProperty("body");
        var callId = body.GetProperty("callId").GetGuid();
        var agentId = body.TryGetProperty("agentId", out var a) && a.ValueKind == JsonValueKind.String ? a.GetGuid() : Guid.Empty;
        switch (command.GetProperty("kind").GetString())
        {
            case "ring":
                ledger.Ringing(callId, agentId);
                return null;
            case "bridge":
            case "stop_ringing":
                ledger.Settled(callId, agentId);
                return null;
            case "dial_out":
                ledger.Settled(callId, agentId);
                var result = mix.Draw(random);
                var ringSeconds = body.TryGetProperty("ringSeconds", out var r) && r.ValueKind == JsonValueKind.Number ? r.GetInt32() : 25;
                var ring = DialRingTimes.Draw(rings, result, ringSeconds, random);
                return Task.Run(() => ReportDialAsync(callId, result, ring), CancellationToken.None);
            default:
                return null; // announce (played over the music on hold), hold, unhold, end_call, monitor: nothing to simulate beyond counting
        }
    }

    private async Task ReportDialAsync(Guid callId, string result, TimeSpan ring)
    {
        await Task.Delay(ring);
        try
        {
            using var response = await pbx.SendAsync(HttpMethod.Post, $"/api/queue/calls/{callId}/dial-result", new { result }, "dial result", CancellationToken.None);
            if (response.IsSuccessStatusCode)
            {
                ledger.Dialled(result);
            }
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            // counted by operation with status 0
        }
    }
}

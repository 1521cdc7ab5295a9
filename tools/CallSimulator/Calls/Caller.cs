using System.Diagnostics;
using Platform.CallSimulator.Measuring;
using Platform.CallSimulator.Setup;

namespace Platform.CallSimulator.Calls;

/// <summary>What the arrival loop drew for one caller.</summary>
public sealed record CallerDraw(int Sequence, string Number, int Line, bool Vip, TimeSpan Patience, bool WantsCallback);

/// <summary>
/// One caller, played by the PBX account: the call is reported, then the caller waits for an agent up to their patience
/// and hangs up (abandon) or asks to be called back. A 409 on either means an agent answered first.
/// </summary>
public sealed class Caller(CallCenter center, CallLedger ledger, string runId)
{
    public async Task CallAsync(CallerDraw draw, CancellationToken stop)
    {
        try
        {
            await PlayAsync(draw, stop);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            // no answer in time, counted by operation with status 0; a call reported but unanswered is found by the read-back
        }
    }

    private async Task PlayAsync(CallerDraw draw, CancellationToken stop)
    {
        var sent = Stopwatch.GetTimestamp();
        Guid callId;
        string status;
        HttpResponseMessage answer;
        try
        {
            answer = await center.Pbx.SendAsync(HttpMethod.Post, "/api/queue/calls", new
            {
                callerNumber = draw.Number, queueId = center.Lines[draw.Line].QueueId, vip = draw.Vip, externalId = $"sim-{runId}-{draw.Sequence}",
            }, "call arrived", stop);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            ledger.ArrivalFailed();
            throw;
        }
        using (var response = answer)
        {
            ledger.ArrivalAnswered(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                ledger.ArrivalFailed();
                return;
            }
            var body = await Gateway.GatewayUser.JsonAsync(response, stop);
            callId = body.GetProperty("callId").GetGuid();
            status = body.GetProperty("status").GetString()!;
        }
        var call = ledger.Call(callId);
        lock (call)
        {
            call.Ours = true;
            call.ArrivalSentAt = sent;
            call.Vip = draw.Vip;
        }
        if (status == "rejected")
        {
            ledger.Ended(call, CallOutcome.Rejected);
            return;
        }
        var patience = Task.Delay(draw.Patience, stop);
        if (await Task.WhenAny(call.Answered.Task, patience) != patience || stop.IsCancellationRequested)
        {
            return;
        }
        if (draw.WantsCallback)
        {
            using var callback = await center.Pbx.SendAsync(HttpMethod.Post, $"/api/queue/calls/{callId}/callback", new { number = draw.Number }, "callback", stop);
            if (callback.IsSuccessStatusCode)
            {
                call.Callback = true; // keeps its place; an agent will be offered it
            }
            return;
        }
        using var abandon = await center.Pbx.SendAsync(HttpMethod.Post, $"/api/queue/calls/{callId}/abandon", null, "abandon", stop);
        if (abandon.IsSuccessStatusCode)
        {
            ledger.Ended(call, CallOutcome.Abandoned);
        }
    }
}

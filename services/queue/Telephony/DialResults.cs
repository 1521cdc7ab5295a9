using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Queue.Callbacks;
using Platform.Queue.Calls;
using Platform.Queue.Dialer.Dialing;
using Platform.Queue.Dispatch;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Queue.Telephony;

/// <summary>
/// The PBX reports how a dial-out went (a callback now; the outbound dialer's calls later). The outcome is recorded on the
/// call. A person answering leaves the agent talking; anything else (no answer, busy, answering machine, failed) ends the
/// attempt: the agent goes to wrap-up, where they record the outcome and the next contact date as after any call.
/// </summary>
public static class DialResults
{
    public static readonly string[] All = ["answered", "no_answer", "busy", "answering_machine", "failed", "human", "fax", "invalid_number"];

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record DialResultRequest(string? Result);

    public static async Task<Results<Ok<CallsApi.CallView>, Ok<CampaignDialResults.DialResultView>, ProblemHttpResult, ValidationProblem>> ReportDialResult(
        Guid callId, DialResultRequest request, ClaimsPrincipal user, NpgsqlDataSource db, Dispatcher dispatcher, DialerOptions dialer, TimeProvider clock, CancellationToken ct)
    {
        if (request.Result is null || !All.Contains(request.Result))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["result"] = [$"One of: {string.Join(", ", All)}."] },
                title: "The dial result cannot be recorded.");
        }
        // A campaign's attempt (issue 15, docs/dialer.md); otherwise a callback's dial-out as before.
        if (await CampaignDialResults.TryReportAsync(user.TenantId(), callId, request.Result, db, dispatcher, dialer, clock, ct) is { } campaign)
        {
            return campaign.Result switch
            {
                Ok<CampaignDialResults.DialResultView> ok => ok,
                ProblemHttpResult problem => problem,
                _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The dial result cannot be recorded."),
            };
        }
        // A person answering is "answered" on a callback; a fax or an invalid number ends it like a failure.
        request = request with { Result = request.Result == "human" ? "answered" : request.Result };
        var now = clock.GetUtcNowAsStored();
        await using (var session = await db.BeginTenantSessionAsync(user.TenantId(), ct))
        {
            var call = await LockedCall.LockAsync(session, callId, ct);
            if (call is null)
            {
                return Problems.NotFound("Call", callId);
            }
            if (call.CallbackNumber is null || call.Status != "on_call")
            {
                return CallConflict.Because("The dial result cannot be recorded.", "Only a callback an agent has taken is dialled out.");
            }
            await session.ExecuteAsync("""
                UPDATE calls SET dial_result = @Result, pbx_seen_at = @now,
                       end_reason = CASE WHEN @Result = 'answered' THEN end_reason ELSE 'callback: ' || replace(@Result, '_', ' ') END
                WHERE tenant_id = @TenantId AND id = @callId
                """, new { session.TenantId, callId, request.Result, now }, ct);
            // Every attempt is recorded; no answer or busy is dialled again later while attempts are left (Callbacks/CallbackDialing.cs).
            if (await CallbackDialing.RecordAsync(session, call, request.Result, now, ct) is { } retryAt)
            {
                await CallbackDialing.RequeueAsync(session, call, retryAt, now, ct);
                var toServe = await Dispatcher.QueuesToServeAsync(session, call.AgentId!.Value, ct);
                await session.CommitAsync(ct);
                await dispatcher.DispatchQueuesAsync(user.TenantId(), toServe, ct);
                return TypedResults.Ok((await CallsApi.ViewAsync(db, user.TenantId(), callId, ct))!);
            }
            await session.CommitAsync(ct);
        }
        if (request.Result == "answered")
        {
            return TypedResults.Ok((await CallsApi.ViewAsync(db, user.TenantId(), callId, ct))!);
        }
        var ended = await CallEnding.HangUpCall(callId, new CallEnding.HangUpRequest(0), user, db, dispatcher, clock, ct);
        return ended.Result switch
        {
            Ok<CallsApi.CallView> ok => ok,
            ProblemHttpResult problem => problem,
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The dial result cannot be recorded."),
        };
    }
}

using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Contracts.Queue;
using Platform.Queue.Agents;
using Platform.Queue.Calls;
using Platform.Queue.Dispatch;
using Platform.Queue.Routing;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Outbox;
using Platform.ServiceDefaults.Http;

namespace Platform.Queue.Telephony;

/// <summary>
/// The PBX reports how ringing an agent's device ended. <c>answered</c> is the agent's accept; the others take the offer
/// back and return the call to its place: <c>no_answer</c> as an offer that rang out, <c>busy</c> alike (a break,
/// ring-no-answer or device-busy, when the queue auto-pauses and the offer was not ring-all), <c>declined</c> (the agent pressed decline on the phone) is a decline
/// (not offered that call again), <c>unregistered</c> marks the device unregistered: no offers until the PBX reports it back.
/// </summary>
public static class RingResults
{
    public static readonly string[] All = ["answered", "busy", "no_answer", "declined", "unregistered"];

    /// <summary>The pause code of an agent whose phone was busy when the PBX rang it (they say when they are back).</summary>
    public const string DeviceBusy = "device-busy";

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record RingResultRequest(Guid? AgentId, string? Result);

    public static async Task<Results<Ok<CallsApi.CallView>, ProblemHttpResult, ValidationProblem>> ReportRingResult(
        Guid callId, RingResultRequest request, ClaimsPrincipal user, NpgsqlDataSource db, Dispatcher dispatcher, TimeProvider clock, CancellationToken ct)
    {
        if (request.AgentId is null || request.Result is null || !All.Contains(request.Result))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["result"] = [$"agentId, and a result: one of {string.Join(", ", All)}."],
            }, title: "The ring result cannot be recorded.");
        }
        if (request.Result == "answered")
        {
            var accepted = await CallAnswer.AcceptCall(callId, new CallAnswer.AcceptRequest(request.AgentId), user, db, dispatcher, clock, ct);
            return accepted.Result switch
            {
                Ok<CallsApi.CallView> ok => ok,
                ProblemHttpResult problem => problem,
                _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The ring result cannot be recorded."),
            };
        }
        var now = clock.GetUtcNowAsStored();
        var agentId = request.AgentId.Value;
        Guid queueId;
        CallsApi.CallView? view;
        List<Guid> overflowInto;
        await using (var session = await db.BeginTenantSessionAsync(user.TenantId(), ct))
        {
            var call = await LockedCall.LockAsync(session, callId, ct);
            if (call is null)
            {
                return Problems.NotFound("Call", callId);
            }
            const string deleteSql = """
                DELETE FROM call_offers WHERE tenant_id = @TenantId AND call_id = @callId AND agent_id = @agentId
                RETURNING ring_all, (SELECT q.pause_on_ring_no_answer FROM queues q WHERE q.tenant_id = @TenantId AND q.id = @QueueId) AS pause
                """;
            var offer = await session.QuerySingleOrDefaultAsync<(bool RingAll, bool Pause)?>(deleteSql, new { session.TenantId, callId, agentId, call.QueueId }, ct);
            if (offer is not { } rang)
            {
                return CallConflict.Because("The ring result cannot be recorded.", "The call is not ringing for this agent (answered, withdrawn or rung out already).");
            }
            var pause = request.Result is "no_answer" or "busy" && rang.Pause && !rang.RingAll;
            await AgentMoves.ApplyAsync(session, agentId, pause ? AgentCommand.RingNoAnswer : AgentCommand.WithdrawOffer, now, ct,
                new AgentMoves.Options(pause ? (request.Result == "busy" ? DeviceBusy : PauseCodes.RingNoAnswer) : null, callId, Expected: AgentState.Offered));
            var reason = $"ring result: {request.Result.Replace('_', ' ')}";
            const string sql = $"""
                UPDATE agents SET device_registered = CASE WHEN @unregistered THEN false ELSE device_registered END,
                                  device_seen_at = @now
                WHERE tenant_id = @TenantId AND id = @agentId;
                INSERT INTO call_declines (tenant_id, call_id, agent_id, reason, at)
                SELECT @TenantId, @callId, @agentId, @reason, @now WHERE @declined
                ON CONFLICT (tenant_id, call_id, agent_id) DO NOTHING;
                UPDATE calls SET pbx_seen_at = @now, declined = declined OR @declined,
                       ring_no_answers = ring_no_answers + CASE WHEN @noAnswer THEN 1 ELSE 0 END,
                       status = CASE WHEN EXISTS (SELECT 1 FROM call_offers o WHERE o.tenant_id = @TenantId AND o.call_id = @callId)
                                     THEN status ELSE 'waiting' END
                WHERE tenant_id = @TenantId AND id = @callId
                RETURNING {CallsApi.ViewColumns};
                """;
            view = await session.QuerySingleOrDefaultAsync<CallsApi.CallView>(sql, new
            {
                session.TenantId, callId, agentId, now, reason, unregistered = request.Result == "unregistered",
                declined = request.Result == "declined", noAnswer = request.Result == "no_answer",
            }, ct);
            if (request.Result == "declined")
            {
                await session.PublishAsync(new OfferDeclined(session.TenantId, callId, call.QueueId, call.ProjectId, agentId, "declined on the phone", "phone", now), ct);
            }
            overflowInto = pause ? await NoAgentRule.AfterAgentLeftAsync(session, agentId, now, ct) : [];
            await session.CommitAsync(ct);
            queueId = call.QueueId;
        }
        await dispatcher.DispatchAsync(user.TenantId(), queueId, ct);
        await dispatcher.DispatchForAgentAsync(user.TenantId(), agentId, ct);
        await dispatcher.DispatchQueuesAsync(user.TenantId(), overflowInto, ct);
        return TypedResults.Ok(view!);
    }
}

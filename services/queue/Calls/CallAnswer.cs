using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Contracts.Queue;
using Platform.Queue.Agents;
using Platform.Queue.Dispatch;
using Platform.Queue.Routing;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.Queue.Calls;

/// <summary>An agent accepts the call offered to them: the conversation starts. A second accept finds the call on a call already: 409.</summary>
public static class CallAnswer
{
    // Every field is optional: a misspelt one is refused rather than silently read as absent.
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record AcceptRequest(Guid? AgentId);

    public static async Task<Results<Ok<CallsApi.CallView>, ProblemHttpResult>> AcceptCall(
        Guid callId, AcceptRequest request, ClaimsPrincipal user, NpgsqlDataSource db, Dispatcher dispatcher, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNowAsStored();
        List<Guid> freed;
        var toServe = new List<Guid>();
        CallsApi.CallView? view;
        await using (var session = await db.BeginTenantSessionAsync(user.TenantId(), ct))
        {
            var call = await LockedCall.LockAsync(session, callId, ct, user);
            if (call is null)
            {
                return Problems.NotFound("Call", callId);
            }
            var (agentId, problem) = await ActingAgent.ResolveAsync(session, user, request.AgentId, ct, call);
            if (problem is not null)
            {
                return problem;
            }
            if (call.Status != "offered")
            {
                return CallConflict.State("accepted", call.Status, "offered");
            }
            const string offerSql = "SELECT EXISTS (SELECT 1 FROM call_offers WHERE tenant_id = @TenantId AND call_id = @callId AND agent_id = @agentId)";
            if (!await session.QuerySingleOrDefaultAsync<bool>(offerSql, new { session.TenantId, callId, agentId }, ct))
            {
                return CallConflict.Because("The call cannot be accepted.", "The call is not offered to this agent.");
            }
            freed = await Offers.WithdrawAsync(session, callId, keep: agentId, now, ct, reason: "answered by another agent");
            // The PBX bridges the caller to the agent's device, or for a callback dials the caller (one round trip with the update).
            const string sql = $"""
                UPDATE calls SET status = 'on_call', agent_id = @agentId, answered_at = @now,
                       wait_seconds = extract(epoch FROM (@now - arrived_at))
                WHERE tenant_id = @TenantId AND id = @callId
                RETURNING {CallsApi.ViewColumns};
                {Telephony.PbxCommands.AnsweredSql}
                """;
            view = await session.QuerySingleOrDefaultAsync<CallsApi.CallView>(sql, new { session.TenantId, callId, agentId, now }, ct);
            var answering = await AgentMoves.ApplyAsync(session, agentId!.Value, AgentCommand.Accept, now, ct,
                new AgentMoves.Options(CallId: callId, Expected: AgentState.Offered));
            var waited = (now - LockedCall.Utc(call.ArrivedAt)).TotalSeconds;
            await session.PublishAsync(new CallAnswered(
                session.TenantId, callId, call.QueueId, call.ProjectId, agentId.Value, call.ContactId, waited, now, answering.UserId, call.QueueServiceLevelSeconds), ct);
            foreach (var agent in freed)
            {
                toServe.AddRange(await Dispatcher.QueuesToServeAsync(session, agent, ct)); // ring-all: the others are free again
            }
            await session.CommitAsync(ct);
        }
        await dispatcher.DispatchQueuesAsync(user.TenantId(), toServe.Distinct(), ct);
        return TypedResults.Ok(view!);
    }
}

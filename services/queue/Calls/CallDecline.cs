using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Contracts.Queue;
using Platform.Queue.Agents;
using Platform.ServiceDefaults.Messaging.Outbox;
using Platform.Queue.Dispatch;
using Platform.Queue.Routing;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Queue.Calls;

/// <summary>
/// An agent declines the call offered to them, saying why (a language they do not speak, a customer they know…). The
/// agent is available again and the call is not offered to them again: it goes back to its place in line for the others
/// (a call transferred to this agent by name falls back to its queue at once). Declining is not ring-no-answer: no break.
/// </summary>
public static class CallDecline
{
    public const int MaxReasonLength = 200;

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record DeclineRequest(string? Reason, Guid? AgentId);

    public static async Task<Results<Ok<CallsApi.CallView>, ProblemHttpResult, ValidationProblem>> DeclineCall(
        Guid callId, DeclineRequest request, ClaimsPrincipal user, NpgsqlDataSource db, Dispatcher dispatcher, TimeProvider clock, CancellationToken ct)
    {
        var reason = request.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > MaxReasonLength || reason.Any(char.IsControl))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [$"Say why, in 1 to {MaxReasonLength} printable characters."] },
                title: "The offer cannot be declined.");
        }
        var now = clock.GetUtcNowAsStored();
        Guid queueId;
        Guid agentId;
        CallsApi.CallView? view;
        await using (var session = await db.BeginTenantSessionAsync(user.TenantId(), ct))
        {
            var call = await LockedCall.LockAsync(session, callId, ct, user);
            if (call is null)
            {
                return Problems.NotFound("Call", callId);
            }
            var (resolved, problem) = await ActingAgent.ResolveAsync(session, user, request.AgentId, ct, call);
            if (problem is not null)
            {
                return problem;
            }
            agentId = resolved!.Value;
            const string deleteSql = "DELETE FROM call_offers WHERE tenant_id = @TenantId AND call_id = @callId AND agent_id = @agentId RETURNING agent_id";
            if (call.Status != "offered" || await session.QuerySingleOrDefaultAsync<Guid?>(deleteSql, new { session.TenantId, callId, agentId }, ct) is null)
            {
                return CallConflict.Because("The offer cannot be declined.", "The call is not ringing for this agent.");
            }
            await AgentMoves.ApplyAsync(session, agentId, AgentCommand.WithdrawOffer, now, ct,
                new AgentMoves.Options(CallId: callId, Expected: AgentState.Offered));
            const string sql = $"""
                INSERT INTO call_declines (tenant_id, call_id, agent_id, reason, at) VALUES (@TenantId, @callId, @agentId, @reason, @now)
                ON CONFLICT (tenant_id, call_id, agent_id) DO UPDATE SET reason = EXCLUDED.reason, at = EXCLUDED.at;
                UPDATE calls SET declined = true,
                       status = CASE WHEN EXISTS (SELECT 1 FROM call_offers o WHERE o.tenant_id = @TenantId AND o.call_id = @callId)
                                     THEN status ELSE 'waiting' END,
                       target_agent_id = CASE WHEN target_agent_id = @agentId THEN NULL ELSE target_agent_id END,
                       target_until = CASE WHEN target_agent_id = @agentId THEN NULL ELSE target_until END
                WHERE tenant_id = @TenantId AND id = @callId
                RETURNING {CallsApi.ViewColumns};
                {Telephony.PbxCommands.StopRingingSql}
                """;
            view = await session.QuerySingleOrDefaultAsync<CallsApi.CallView>(sql, new { session.TenantId, callId, agentId, reason, now }, ct);
            await session.PublishAsync(new OfferDeclined(session.TenantId, callId, call.QueueId, call.ProjectId, agentId, reason, "desktop", now), ct);
            await session.CommitAsync(ct);
            queueId = call.QueueId;
        }
        await dispatcher.DispatchAsync(user.TenantId(), queueId, ct);
        await dispatcher.DispatchForAgentAsync(user.TenantId(), agentId, ct);
        return TypedResults.Ok(view!);
    }
}

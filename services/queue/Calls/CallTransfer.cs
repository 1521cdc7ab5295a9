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

/// <summary>
/// An agent passes a call on: to another queue (a specialist group; the call joins its line now) or to one agent
/// (the call waits for that agent only). The call keeps its context (caller, contact, VIP, priority, arrival); the
/// transferring agent goes to wrap-up.
/// </summary>
public static class CallTransfer
{
    // Every field is optional: a misspelt one is refused rather than silently read as absent.
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record TransferRequest(Guid? QueueId, Guid? AgentId, int? HoldSeconds);

    public static async Task<Results<Ok<CallsApi.CallView>, ProblemHttpResult, ValidationProblem>> TransferCall(
        Guid callId, TransferRequest request, ClaimsPrincipal user, NpgsqlDataSource db, Dispatcher dispatcher, TimeProvider clock, CancellationToken ct)
    {
        if ((request.QueueId is null) == (request.AgentId is null) || request.HoldSeconds is < 0 or > CallEnding.MaxHoldSeconds)
        {
            var errors = new Dictionary<string, string[]>();
            if ((request.QueueId is null) == (request.AgentId is null))
            {
                errors["queueId"] = ["Name a queue or an agent to transfer to, not both."];
            }
            if (request.HoldSeconds is < 0 or > CallEnding.MaxHoldSeconds)
            {
                errors["holdSeconds"] = [$"From 0 to {CallEnding.MaxHoldSeconds}."];
            }
            return TypedResults.ValidationProblem(errors, title: "The call cannot be transferred.");
        }
        var now = clock.GetUtcNowAsStored();
        Guid targetQueue;
        await using (var session = await db.BeginTenantSessionAsync(user.TenantId(), ct))
        {
            var call = await LockedCall.LockAsync(session, callId, ct);
            if (call is null)
            {
                return Problems.NotFound("Call", callId);
            }
            if (call.Status != "on_call")
            {
                return CallConflict.State("transferred", call.Status, "on a call");
            }
            var fromAgent = call.AgentId!.Value;
            if (await ActingAgent.CheckHolderAsync(session, user, fromAgent, ct) is { } forbidden)
            {
                return forbidden;
            }
            if (request.AgentId == fromAgent)
            {
                return CallConflict.Because("The call cannot be transferred.", "The agent already holds this call.");
            }
            const string targetSql = """
                SELECT q.id AS queue_id, q.project_id, q.wrap_up_seconds FROM queues q
                WHERE q.tenant_id = @TenantId AND q.id = COALESCE(@QueueId, @CurrentQueue)
                """;
            var target = await session.QuerySingleOrDefaultAsync<(Guid QueueId, Guid ProjectId, int WrapUpSeconds)?>(targetSql,
                new { session.TenantId, request.QueueId, CurrentQueue = call.QueueId }, ct);
            if (target is null)
            {
                return Problems.NotFound("Queue", request.QueueId!.Value);
            }
            if (request.AgentId is { } toAgent && !await session.QuerySingleOrDefaultAsync<bool>(
                    "SELECT EXISTS (SELECT 1 FROM agents WHERE tenant_id = @TenantId AND id = @toAgent)", new { session.TenantId, toAgent }, ct))
            {
                return Problems.NotFound("Agent", toAgent);
            }
            var wrapUpSeconds = await session.QuerySingleOrDefaultAsync<int>(
                "SELECT wrap_up_seconds FROM queues WHERE tenant_id = @TenantId AND id = @QueueId", new { session.TenantId, call.QueueId }, ct);
            await CallEnding.EndTalkAsync(session, call, fromAgent, request.HoldSeconds ?? 0, now, ct);
            // Into another queue the call joins the end of its line; to an agent of the same queue it keeps its place.
            const string sql = """
                UPDATE calls SET status = 'waiting', queue_id = @QueueId, project_id = @ProjectId, agent_id = NULL,
                       target_agent_id = @AgentId, transferred_from = @fromAgent, ended_at = NULL, answered_at = NULL,
                       enqueued_at = CASE WHEN @QueueId = queue_id THEN enqueued_at ELSE @now END
                WHERE tenant_id = @TenantId AND id = @callId
                """;
            await session.ExecuteAsync(sql, new
            {
                session.TenantId, callId, target.Value.QueueId, target.Value.ProjectId, request.AgentId, fromAgent, now,
            }, ct);
            await AgentMoves.ApplyAsync(session, fromAgent, AgentCommand.HangUp, now, ct,
                new AgentMoves.Options(CallId: callId, WrapUpUntil: now.AddSeconds(wrapUpSeconds)));
            await session.PublishAsync(new CallTransferred(session.TenantId, callId, call.QueueId, fromAgent, target.Value.QueueId, request.AgentId, now), ct);
            await session.PublishAsync(new CallQueued(session.TenantId, callId, target.Value.QueueId, target.Value.ProjectId, call.ContactId,
                call.Vip, call.Priority, Position: 0, now), ct);
            await session.CommitAsync(ct);
            targetQueue = target.Value.QueueId;
        }
        await dispatcher.DispatchAsync(user.TenantId(), targetQueue, ct);
        return TypedResults.Ok((await CallsApi.ViewAsync(db, user.TenantId(), callId, ct))!);
    }
}

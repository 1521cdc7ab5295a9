using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Contracts.Queue;
using Platform.Queue.Agents;
using Platform.Queue.Dispatch;
using Platform.Queue.Queues;
using Platform.Queue.Routing;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.Queue.Calls;

/// <summary>
/// An agent passes a call on: to another queue (a specialist group) or to one agent. The target must be able to take
/// it, or the transfer is refused and the agent keeps the call: a named agent must be a member of the queue who works
/// its project and is logged in and not on a break; another queue's door must let the call in (max length, no-agent
/// rule). A call for a named agent waits for them at most <see cref="TransferRequest.AgentWaitSeconds"/> and then any
/// agent of the queue may take it. The max-wait clock starts again; the call keeps its VIP flag and priority, and in
/// its own queue its place by arrival. The transferring agent goes to wrap-up.
/// </summary>
public static class CallTransfer
{
    public const int DefaultAgentWaitSeconds = 30;
    public const int MaxAgentWaitSeconds = 600;

    // Every field is optional: a misspelt one is refused rather than silently read as absent.
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record TransferRequest(Guid? QueueId, Guid? AgentId, int? HoldSeconds, int? AgentWaitSeconds = null);

    private sealed record TargetAgent(string State, bool Member, bool WorksProject);

    public static async Task<Results<Ok<CallsApi.CallView>, ProblemHttpResult, ValidationProblem>> TransferCall(
        Guid callId, TransferRequest request, ClaimsPrincipal user, NpgsqlDataSource db, Dispatcher dispatcher, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.QueueId is null && request.AgentId is null)
        {
            errors["queueId"] = ["Name a queue, an agent, or an agent of a queue to transfer to."];
        }
        if (request.HoldSeconds is < 0 or > CallEnding.MaxHoldSeconds)
        {
            errors["holdSeconds"] = [$"From 0 to {CallEnding.MaxHoldSeconds}."];
        }
        if (request.AgentWaitSeconds is { } wait && (wait is < 5 or > MaxAgentWaitSeconds || request.AgentId is null))
        {
            errors["agentWaitSeconds"] = [$"From 5 to {MaxAgentWaitSeconds}, and only with agentId."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The call cannot be transferred.");
        }
        var now = clock.GetUtcNowAsStored();
        Guid targetQueue;
        CallsApi.CallView? view;
        await using (var session = await db.BeginTenantSessionAsync(user.TenantId(), ct))
        {
            var call = await LockedCall.LockAsync(session, callId, ct, user);
            if (call is null)
            {
                return Problems.NotFound("Call", callId);
            }
            if (call.Status != "on_call")
            {
                return CallConflict.State("transferred", call.Status, "on a call");
            }
            var fromAgent = call.AgentId!.Value;
            if (await ActingAgent.CheckHolderAsync(session, user, fromAgent, ct, call) is { } forbidden)
            {
                return forbidden;
            }
            if ((CallEnding.MeasuredHoldGiven(call, request.HoldSeconds) ?? CallEnding.CheckHold(call, request.HoldSeconds ?? 0, now)) is { } badHold)
            {
                return TypedResults.ValidationProblem(badHold, title: "The call cannot be transferred.");
            }
            if (request.AgentId == fromAgent)
            {
                return CallConflict.Because("The call cannot be transferred.", "The agent already holds this call.");
            }
            var target = await QueueRow.FindAsync(session, request.QueueId ?? call.QueueId, ct);
            if (target is null)
            {
                return Problems.NotFound("Queue", request.QueueId!.Value);
            }
            if (request.AgentId is { } toAgent && await RefuseAgentAsync(session, toAgent, target, ct) is { } agentRefusal)
            {
                return agentRefusal;
            }
            if (target.Id != call.QueueId && await QueueDoor.DecideAsync(session, target, ct) is { Verdict: not AdmissionVerdict.Join } door)
            {
                return Refuse($"The queue {target.Name} does not take the call now: {door.Reason}.");
            }
            await CallEnding.EndTalkAsync(session, call, fromAgent, request.HoldSeconds ?? 0, now, ct);
            // In its own queue the call keeps its place by arrival; into another it joins that line now, by VIP and priority.
            const string sql = $"""
                UPDATE calls SET status = 'waiting', queue_id = @QueueId, project_id = @ProjectId, agent_id = NULL,
                       target_agent_id = @AgentId, target_until = @targetUntil, transferred_from = @fromAgent, campaign_id = NULL,
                       ended_at = NULL, answered_at = NULL, wait_started_at = @now, hold_seconds = 0, holds = 0, held_since = NULL,
                       enqueued_at = CASE WHEN @QueueId = queue_id THEN enqueued_at ELSE @now END
                WHERE tenant_id = @TenantId AND id = @callId
                RETURNING {CallsApi.ViewColumns}
                """;
            var targetUntil = request.AgentId is null ? (DateTimeOffset?)null : now.AddSeconds(request.AgentWaitSeconds ?? DefaultAgentWaitSeconds);
            view = await session.QuerySingleOrDefaultAsync<CallsApi.CallView>(sql, new
            {
                session.TenantId, callId, QueueId = target.Id, target.ProjectId, request.AgentId, targetUntil, fromAgent, now,
            }, ct);
            await AgentMoves.ApplyAsync(session, fromAgent, AgentCommand.HangUp, now, ct,
                new AgentMoves.Options(CallId: callId, WrapUpUntil: now.AddSeconds(call.QueueWrapUpSeconds), Expected: AgentState.OnCall));
            await session.PublishAsync(new CallTransferred(session.TenantId, callId, call.QueueId, fromAgent, target.Id, request.AgentId, now), ct);
            await session.PublishAsync(new CallQueued(session.TenantId, callId, target.Id, target.ProjectId, call.ContactId,
                call.Vip, call.Priority, Position: 0, now, target.ServiceLevelSeconds), ct);
            await session.CommitAsync(ct);
            targetQueue = target.Id;
        }
        await dispatcher.DispatchAsync(user.TenantId(), targetQueue, ct);
        return TypedResults.Ok((await CallsApi.ViewAsync(db, user.TenantId(), callId, ct)) ?? view!);
    }

    /// <summary>Why the named agent cannot take the call through <paramref name="queue"/>: 404 unknown, 422 not theirs to take, 409 not now.</summary>
    private static async Task<ProblemHttpResult?> RefuseAgentAsync(TenantSession session, Guid agentId, QueueRow queue, CancellationToken ct)
    {
        const string sql = """
            SELECT a.state,
                   EXISTS (SELECT 1 FROM queue_members m WHERE m.tenant_id = a.tenant_id AND m.queue_id = @QueueId AND m.agent_id = a.id) AS member,
                   EXISTS (SELECT 1 FROM agent_projects p WHERE p.tenant_id = a.tenant_id AND p.agent_id = a.id AND p.project_id = @ProjectId) AS works_project
            FROM agents a WHERE a.tenant_id = @TenantId AND a.id = @agentId
            """;
        var agent = await session.QuerySingleOrDefaultAsync<TargetAgent>(sql, new { session.TenantId, agentId, QueueId = queue.Id, queue.ProjectId }, ct);
        if (agent is null)
        {
            return Problems.NotFound("Agent", agentId);
        }
        if (!agent.Member || !agent.WorksProject)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The call cannot be transferred.",
                detail: !agent.Member
                    ? $"The agent is not a member of the queue {queue.Name}: name a queue they work (queueId) or add them to it."
                    : "The agent does not work the queue's project.");
        }
        return agent.State is "logged_out" or "break"
            ? Refuse($"The agent is {agent.State.Replace('_', ' ')} and cannot take the call.")
            : null;
    }

    private static ProblemHttpResult Refuse(string detail) => CallConflict.Because("The call cannot be transferred.", detail);
}

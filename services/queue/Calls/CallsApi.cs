using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Queue.Routing;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Queue.Calls;

/// <summary>
/// The telephony adapter contract: what a PBX integration reports (a call arrived, the caller hung up or asked for a
/// callback) and what agents do with a call (accept, hang up, transfer, finish wrap-up).
/// </summary>
public static class CallsApi
{
    public static RouteGroupBuilder MapCallsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/queue/calls").WithTags("Calls").RequireAuthorization(Policies.CallHandling);
        group.MapPost("/", CallArrival.ReportCallArrived).WithName("ReportCallArrived").WithSummary("Telephony event: an inbound call arrived; it is queued (or refused by the queue's admission rules) and offered to an agent").WithRequestExample(new { CallerNumber = "+420601123456", DialledNumber = "+420221000111", ExternalId = "pbx-7f3a" }).RequireAuthorization(Policies.Telephony);
        group.MapGet("/{callId:guid}", GetCall).WithName("GetCall").WithSummary("A call's current state: queue, position, agent, hold and wrap-up");
        group.MapPost("/{callId:guid}/accept", CallAnswer.AcceptCall).WithName("AcceptCall").WithSummary("The offered agent accepts the call; it becomes connected to them");
        group.MapPost("/{callId:guid}/hangup", CallEnding.HangUpCall).WithName("HangUpCall").WithSummary("Ends the agent's call; the agent goes to wrap-up (or straight back when the queue has none)");
        group.MapPost("/{callId:guid}/wrapup-done", CallEnding.FinishWrapUp).WithName("FinishWrapUp").WithSummary("The agent ends wrap-up and becomes available again");
        group.MapPost("/{callId:guid}/transfer", CallTransfer.TransferCall).WithName("TransferCall").WithSummary("Transfers a connected call to another queue or a named agent (refused at once when the target cannot take it)");
        group.MapPost("/{callId:guid}/abandon", CallerLeaving.AbandonCall).WithName("AbandonCall").WithSummary("Telephony event: the caller hung up while waiting; the call is recorded as abandoned").RequireAuthorization(Policies.Telephony);
        group.MapPost("/{callId:guid}/callback", CallerLeaving.RequestCallback).WithName("RequestCallback").RequireAuthorization(Policies.Telephony)
            .WithSummary("The waiting caller asks to be called back, now or at dueAt; the callback keeps the call's place and no max wait drops it.");
        group.MapPost("/{callId:guid}/callback/cancel", CallbackCancel.CancelCallback).WithName("CancelCallback")
            .WithSummary("Calls off a callback nobody has made yet (supervision or the PBX integration).");
        group.MapPost("/{callId:guid}/hold", CallHold.HoldCall).WithName("HoldCall")
            .WithSummary("The agent on the call puts the caller on hold (the PBX plays music on hold); the time on hold is measured and carried on CallCompleted.");
        group.MapPost("/{callId:guid}/resume", CallHold.ResumeCall).WithName("ResumeCall")
            .WithSummary("The agent takes the caller off hold; the hold's seconds are added to the call's hold time.");
        group.MapPost("/{callId:guid}/decline", CallDecline.DeclineCall).WithName("DeclineCall")
            .WithSummary("The agent declines the offer with a reason: available again, and the call is not offered to them again.");
        return group;
    }

    public sealed record CallView(
        Guid Id, Guid QueueId, Guid ProjectId, string Status, string CallerNumber, string? DialledNumber, Guid? ContactId, bool Vip,
        int Priority, string? CallbackNumber, Guid? AgentId, Guid? TargetAgentId, DateTime ArrivedAt, DateTime? AnsweredAt,
        DateTime? EndedAt, DateTime? CompletedAt, string? EndReason, int? Position, int? EstimatedWaitSeconds,
        DateTime? HeldSince, int HoldSeconds, int Holds, DateTime? CallbackDueAt, int CallbackDaysCarried, int DialAttempts, string? DialResult);

    private static async Task<Results<Ok<CallView>, ProblemHttpResult>> GetCall(
        Guid callId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var call = await ReadAsync(session, callId, ct);
        if (call is null)
        {
            return Problems.NotFound("Call", callId);
        }
        if (ActingAgent.ActsForSelfOnly(user) && !await HeldByAsync(session, user, callId, ct))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed.",
                detail: "An agent reads the calls offered to them, in their hands or handled by them; supervisors and admins read any.");
        }
        await session.CommitAsync(ct);
        return TypedResults.Ok(call);
    }

    /// <summary>Whether the user's own agent is offered the call, holds it, or held it once (its state history names the call).</summary>
    private static Task<bool> HeldByAsync(TenantSession session, ClaimsPrincipal user, Guid callId, CancellationToken ct) =>
        session.QuerySingleOrDefaultAsync<bool>("""
            WITH me AS (SELECT id FROM agents WHERE tenant_id = @TenantId AND user_id = @userId)
            SELECT EXISTS (SELECT 1 FROM calls c, me WHERE c.tenant_id = @TenantId AND c.id = @callId AND (c.agent_id = me.id OR c.transferred_from = me.id))
                OR EXISTS (SELECT 1 FROM call_offers o, me WHERE o.tenant_id = @TenantId AND o.call_id = @callId AND o.agent_id = me.id)
                OR EXISTS (SELECT 1 FROM agent_state_history h, me WHERE h.tenant_id = @TenantId AND h.agent_id = me.id AND h.call_id = @callId
                                                                  AND h.to_state = 'on_call')
            """, new { session.TenantId, userId = user.UserId(), callId }, ct);

    public static async Task<CallView?> ViewAsync(NpgsqlDataSource db, Guid tenantId, Guid callId, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(tenantId, ct);
        var call = await ReadAsync(session, callId, ct);
        await session.CommitAsync(ct);
        return call;
    }

    /// <summary>The columns of <see cref="CallView"/>: a command's <c>UPDATE calls … RETURNING</c> them answers without reading the call again.</summary>
    public const string ViewColumns = """
        id, queue_id, project_id, status, caller_number, dialled_number, contact_id, vip, priority, callback_number,
        agent_id, target_agent_id, arrived_at, answered_at, ended_at, completed_at, end_reason,
        NULL::int AS position, NULL::int AS estimated_wait_seconds, held_since, hold_seconds, holds,
        callback_due_at, callback_days_carried, dial_attempts, dial_result
        """;

    /// <summary>The call as the API shows it, read in the caller's transaction (a command answers with what it did before it commits).</summary>
    public static async Task<CallView?> ReadAsync(TenantSession session, Guid callId, CancellationToken ct)
    {
        const string sql = $"SELECT {ViewColumns} FROM calls WHERE tenant_id = @TenantId AND id = @callId";
        var call = await session.QuerySingleOrDefaultAsync<CallView>(sql, new { session.TenantId, callId }, ct);
        if (call is { Status: "waiting" })
        {
            var (position, estimate) = await PlaceInLineAsync(session, callId, ct);
            call = call with { Position = position, EstimatedWaitSeconds = estimate };
        }
        return call;
    }

    /// <summary>
    /// The call's place in its queue's line (1 = next) in routing's order (<see cref="CallOrder"/>: VIP, then the priority with
    /// what aging added to it, then arrival; a callback scheduled for later is not ahead of anyone), and the estimated wait: the
    /// classic estimate from the place, the agents staffing the queue and the average handle time of its last 50 calls within the hour (a bounded
    /// read of the completion index, whatever the traffic: LATERAL, so the queue is a parameter of the inner scan and PostgreSQL walks
    /// calls_completed backwards 50 rows; joined to the CTE it sorted the whole hour's calls, 3 ms an arrival at 30 calls/s).
    /// </summary>
    public static async Task<(int? Position, int? EstimatedWaitSeconds)> PlaceInLineAsync(TenantSession session, Guid callId, CancellationToken ct)
    {
        const string sql = """
            WITH q AS (SELECT aging_every_seconds AS every, aging_max_boost AS boost FROM queues
                       WHERE tenant_id = @TenantId AND id = (SELECT queue_id FROM calls WHERE tenant_id = @TenantId AND id = @callId)),
            line AS (
              SELECT c.id, c.queue_id, c.vip, c.callback_carried_at IS NOT NULL AS carried, c.enqueued_at, c.priority + CASE WHEN q.every IS NULL OR q.boost IS NULL THEN 0
                     ELSE LEAST(floor(GREATEST(extract(epoch FROM (now() - c.enqueued_at)), 0) / q.every)::int, q.boost) END AS effective
              FROM calls c, q
              WHERE c.tenant_id = @TenantId AND c.queue_id = (SELECT queue_id FROM calls WHERE tenant_id = @TenantId AND id = @callId)
                AND c.status = 'waiting' AND (c.callback_due_at IS NULL OR c.callback_due_at <= now())),
            me AS (
              SELECT c.id, c.queue_id, c.vip, c.callback_carried_at IS NOT NULL AS carried, c.enqueued_at, c.priority + CASE WHEN q.every IS NULL OR q.boost IS NULL THEN 0
                     ELSE LEAST(floor(GREATEST(extract(epoch FROM (now() - c.enqueued_at)), 0) / q.every)::int, q.boost) END AS effective
              FROM calls c, q WHERE c.tenant_id = @TenantId AND c.id = @callId)
            SELECT
              (SELECT count(*)::int + 1 FROM line c, me
               WHERE c.id <> @callId AND (c.vip, c.carried, c.effective, me.enqueued_at) > (me.vip, me.carried, me.effective, c.enqueued_at)) AS position,
              (SELECT count(*)::int FROM queue_members m JOIN agents a ON a.tenant_id = m.tenant_id AND a.id = m.agent_id, me
               WHERE m.tenant_id = @TenantId AND m.queue_id = me.queue_id AND a.state IN ('available', 'offered', 'on_call', 'wrap_up')) AS staffed,
              COALESCE((SELECT avg(extract(epoch FROM (last.completed_at - last.answered_at)))::float8
                        FROM me, LATERAL (SELECT c.completed_at, c.answered_at FROM calls c
                                          WHERE c.tenant_id = @TenantId AND c.queue_id = me.queue_id AND c.status = 'completed'
                                            AND c.completed_at > now() - interval '1 hour'
                                          ORDER BY c.completed_at DESC LIMIT 50) AS last),
                       (SELECT default_handle_seconds::float8 FROM queues q, me WHERE q.tenant_id = @TenantId AND q.id = me.queue_id)) AS handle_seconds
            """;
        var row = await session.QuerySingleOrDefaultAsync<(int Position, int Staffed, double HandleSeconds)>(sql, new { session.TenantId, callId }, ct);
        var estimate = EstimatedWait.For(row.Position, row.Staffed, TimeSpan.FromSeconds(row.HandleSeconds));
        return (row.Position, estimate is { } e ? (int)Math.Ceiling(e.TotalSeconds) : null);
    }
}

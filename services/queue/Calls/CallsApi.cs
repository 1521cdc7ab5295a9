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
        group.MapPost("/", CallArrival.ReportCallArrived).WithName("ReportCallArrived").RequireAuthorization(Policies.Telephony);
        group.MapGet("/{callId:guid}", GetCall).WithName("GetCall");
        group.MapPost("/{callId:guid}/accept", CallAnswer.AcceptCall).WithName("AcceptCall");
        group.MapPost("/{callId:guid}/hangup", CallEnding.HangUpCall).WithName("HangUpCall");
        group.MapPost("/{callId:guid}/wrapup-done", CallEnding.FinishWrapUp).WithName("FinishWrapUp");
        group.MapPost("/{callId:guid}/transfer", CallTransfer.TransferCall).WithName("TransferCall");
        group.MapPost("/{callId:guid}/abandon", CallerLeaving.AbandonCall).WithName("AbandonCall").RequireAuthorization(Policies.Telephony);
        group.MapPost("/{callId:guid}/callback", CallerLeaving.RequestCallback).WithName("RequestCallback").RequireAuthorization(Policies.Telephony);
        return group;
    }

    public sealed record CallView(
        Guid Id, Guid QueueId, Guid ProjectId, string Status, string CallerNumber, string? DialledNumber, Guid? ContactId, bool Vip,
        int Priority, string? CallbackNumber, Guid? AgentId, Guid? TargetAgentId, DateTime ArrivedAt, DateTime? AnsweredAt,
        DateTime? EndedAt, DateTime? CompletedAt, string? EndReason, int? Position, int? EstimatedWaitSeconds);

    private static async Task<Results<Ok<CallView>, ProblemHttpResult>> GetCall(
        Guid callId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        var call = await ViewAsync(db, user.TenantId(), callId, ct);
        return call is null ? Problems.NotFound("Call", callId) : TypedResults.Ok(call);
    }

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
        NULL::int AS position, NULL::int AS estimated_wait_seconds
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
    /// The call's place in its queue's line (1 = next) by VIP, priority and arrival, and the estimated wait: the
    /// classic estimate from the place, the agents staffing the queue and the average handle time of its last 50 calls within the hour (a bounded
    /// read of the completion index, whatever the traffic: LATERAL, so the queue is a parameter of the inner scan and PostgreSQL walks
    /// calls_completed backwards 50 rows; joined to the CTE it sorted the whole hour's calls, 3 ms an arrival at 30 calls/s).
    /// </summary>
    public static async Task<(int? Position, int? EstimatedWaitSeconds)> PlaceInLineAsync(TenantSession session, Guid callId, CancellationToken ct)
    {
        const string sql = """
            WITH me AS (SELECT queue_id, vip, priority, enqueued_at FROM calls WHERE tenant_id = @TenantId AND id = @callId)
            SELECT
              (SELECT count(*)::int + 1 FROM calls c, me
               WHERE c.tenant_id = @TenantId AND c.queue_id = me.queue_id AND c.status = 'waiting' AND c.id <> @callId
                 AND (c.vip, c.priority, me.enqueued_at) > (me.vip, me.priority, c.enqueued_at)) AS position,
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

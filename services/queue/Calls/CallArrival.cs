using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Contracts.Queue;
using Platform.Queue.Dispatch;
using Platform.Queue.Queues;
using Platform.Queue.Routing;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.Queue.Calls;

/// <summary>
/// The PBX reports a call: the queue is found (by id, by the number dialled, or the project's default queue), the
/// caller is recognised from the CRM's contacts (VIP too, unless the PBX says), the queue's door decides (join,
/// overflow, refuse), and the answer gives the call's place in line and the estimated wait. The call is offered
/// at once when an agent is free. The PBX's own call id makes a repeated report harmless.
/// </summary>
public static class CallArrival
{
    public const int MaxPriority = 100;

    public sealed record CallArrivedRequest(
        string? CallerNumber, Guid? QueueId, Guid? ProjectId, string? DialledNumber, bool? Vip, int? Priority, string? ExternalId);

    public sealed record CallArrivedResponse(
        Guid CallId, Guid QueueId, string Status, int? Position, int? EstimatedWaitSeconds, Guid? ContactId, bool Vip, string? Reason);

    public static async Task<Results<Created<CallArrivedResponse>, Ok<CallArrivedResponse>, ProblemHttpResult, ValidationProblem>> ReportCallArrived(
        CallArrivedRequest request, ClaimsPrincipal user, NpgsqlDataSource db, Dispatcher dispatcher, TimeProvider clock, CancellationToken ct)
    {
        try
        {
            try
            {
                return await ArriveAsync(request, user, db, dispatcher, clock, offerInline: true, ct);
            }
            catch (PostgresException e) when (e.ConstraintName != "calls_external_id" && Dispatcher.GaveWay(e))
            {
                // The offer made in the arrival's transaction lost a race with another replica's dispatcher, and took the
                // arrival down with it: queue the call again, then dispatch in a transaction of its own, which may give way.
                return await ArriveAsync(request, user, db, dispatcher, clock, offerInline: false, ct);
            }
        }
        catch (PostgresException e) when (e is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "calls_external_id" })
        {
            // The PBX reported the call again (a retry, or twice at the same moment): the first report created it.
            await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
            return TypedResults.Ok((await ExistingAsync(session, request.ExternalId!, ct))!);
        }
    }

    private static async Task<Results<Created<CallArrivedResponse>, Ok<CallArrivedResponse>, ProblemHttpResult, ValidationProblem>> ArriveAsync(
        CallArrivedRequest request, ClaimsPrincipal user, NpgsqlDataSource db, Dispatcher dispatcher, TimeProvider clock, bool offerInline,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var (caller, callerProblem) = CallerNumber.Normalise(request.CallerNumber);
        if (callerProblem is not null)
        {
            errors["callerNumber"] = [callerProblem];
        }
        string? dialled = null;
        if (request.DialledNumber is not null)
        {
            (dialled, var problem) = CallerNumber.Normalise(request.DialledNumber);
            if (problem is not null)
            {
                errors["dialledNumber"] = [problem];
            }
        }
        if (request.QueueId is null && request.ProjectId is null && request.DialledNumber is null)
        {
            errors["queueId"] = ["Say where the call goes: queueId, projectId or dialledNumber."];
        }
        if (request.Priority is < 0 or > MaxPriority)
        {
            errors["priority"] = [$"From 0 to {MaxPriority}."];
        }
        if (request.ExternalId is { } external && (external.Length is 0 or > 100 || external.Any(char.IsControl)))
        {
            errors["externalId"] = ["1 to 100 printable characters."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The call cannot be queued.");
        }

        var now = clock.GetUtcNowAsStored();
        CallArrivedResponse response;
        var dispatchAfter = false;
        await using (var session = await db.BeginTenantSessionAsync(user.TenantId(), ct))
        {
            // A repeated report (same PBX call id) is not looked for first: the unique index calls_external_id refuses its
            // INSERT and the handler above answers with the call the first report queued. One round trip fewer per call.
            var queue = await FindQueueAsync(session, request, dialled, ct);
            if (queue is null)
            {
                return request.QueueId is { } q ? Problems.NotFound("Queue", q)
                    : request.ProjectId is { } p ? Problems.NotFound("Project", p)
                    : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No queue answers this number.",
                        detail: $"No queue of this tenant lists {dialled} among its dialled numbers.");
            }
            // The line's order is the order of entry under the queue's lock (see Dispatcher.LockQueueAsync).
            await Dispatcher.LockQueueAsync(session, queue.Id, ct);
            var enqueuedAt = clock.GetUtcNowAsStored();
            var contact = await session.QuerySingleOrDefaultAsync<(Guid ContactId, bool Vip)?>("""
                SELECT contact_id, vip FROM contact_directory
                WHERE tenant_id = @TenantId AND project_id = @ProjectId AND phone = @caller ORDER BY updated_at DESC LIMIT 1
                """, new { session.TenantId, queue.ProjectId, caller }, ct);
            var vip = request.Vip ?? contact?.Vip ?? false;
            var callId = Guid.CreateVersion7();

            var (admitted, verdict, hops) = await AdmitAsync(session, queue, now, callId, ct);
            const string sql = """
                INSERT INTO calls (tenant_id, id, project_id, queue_id, first_queue_id, caller_number, dialled_number, external_id,
                                   contact_id, vip, priority, status, arrived_at, enqueued_at, ended_at, end_reason, overflow_hops, pbx_seen_at)
                VALUES (@TenantId, @callId, @ProjectId, @QueueId, @FirstQueueId, @caller, @dialled, @ExternalId,
                        @ContactId, @vip, @Priority, @Status, @now, @enqueuedAt, @EndedAt, @Reason, @hops, @now)
                """;
            var rejected = verdict.Verdict == AdmissionVerdict.Reject;
            await session.ExecuteAsync(sql, new
            {
                session.TenantId, callId, admitted.ProjectId, QueueId = admitted.Id, FirstQueueId = queue.Id, caller, dialled, request.ExternalId,
                ContactId = contact?.ContactId, vip, Priority = request.Priority ?? 0, Status = rejected ? "rejected" : "waiting", now,
                EndedAt = rejected ? now : (DateTimeOffset?)null, verdict.Reason, hops, enqueuedAt,
            }, ct);
            if (rejected)
            {
                response = new CallArrivedResponse(callId, admitted.Id, "rejected", null, null, contact?.ContactId, vip, verdict.Reason);
            }
            else
            {
                var (position, estimate) = await CallsApi.PlaceInLineAsync(session, callId, ct);
                await session.PublishAsync(new CallQueued(session.TenantId, callId, admitted.Id, admitted.ProjectId, contact?.ContactId, vip,
                    request.Priority ?? 0, position ?? 0, now, admitted.ServiceLevelSeconds, caller), ct);
                response = new CallArrivedResponse(callId, admitted.Id, "waiting", position, estimate, contact?.ContactId, vip, verdict.Reason);
                // Offered in the transaction that queues it when an agent is free: no second transaction, no read-back.
                // An overflowed call is offered after the commit: this transaction holds the first queue's lock, and taking a
                // second queue's here could deadlock with an arrival overflowing the other way.
                dispatchAfter = !offerInline || admitted.Id != queue.Id;
                if (!dispatchAfter && (await dispatcher.DispatchInAsync(session, admitted.Id, ct)).Contains(callId))
                {
                    response = response with { Status = "offered" };
                }
            }
            await session.CommitAsync(ct);
        }
        if (dispatchAfter && response.Status == "waiting" && await dispatcher.DispatchAsync(user.TenantId(), response.QueueId, ct) > 0)
        {
            response = response with { Status = (await CallsApi.ViewAsync(db, user.TenantId(), response.CallId, ct))?.Status ?? response.Status };
        }
        return TypedResults.Created($"/api/queue/calls/{response.CallId}", response);
    }

    /// <summary>Follows the overflow chain while a queue's door says so (<see cref="Admission.MaxOverflowHops"/> at most, never in a circle).</summary>
    private static async Task<(QueueRow Queue, AdmissionDecision Verdict, int Hops)> AdmitAsync(
        TenantSession session, QueueRow queue, DateTimeOffset now, Guid callId, CancellationToken ct)
    {
        var visited = new HashSet<Guid>();
        for (var hop = 0; ; hop++)
        {
            visited.Add(queue.Id);
            var decision = await QueueDoor.DecideAsync(session, queue, ct);
            if (decision.Verdict == AdmissionVerdict.Join)
            {
                return (queue, decision, hop);
            }
            await session.PublishAsync(new QueueOverflowed(session.TenantId, callId, queue.Id,
                decision.Verdict == AdmissionVerdict.Overflow ? queue.OverflowQueueId : null, decision.Reason!, now), ct);
            if (decision.Verdict == AdmissionVerdict.Reject)
            {
                return (queue, decision, hop);
            }
            var next = await QueueRow.FindAsync(session, queue.OverflowQueueId!.Value, ct);
            if (next is null || visited.Contains(next.Id) || !Admission.MayOverflowAgain(hop))
            {
                return (queue, new AdmissionDecision(AdmissionVerdict.Reject, $"{decision.Reason}, and no overflow queue could take it"), hop);
            }
            queue = next;
        }
    }

    private static async Task<QueueRow?> FindQueueAsync(TenantSession session, CallArrivedRequest request, string? dialled, CancellationToken ct)
    {
        if (request.QueueId is { } queueId)
        {
            return await QueueRow.FindAsync(session, queueId, ct);
        }
        var sql = request.ProjectId is not null
            ? $"SELECT {QueueRow.Columns} FROM queues WHERE tenant_id = @TenantId AND project_id = @ProjectId AND is_default"
            : $"SELECT {QueueRow.Columns} FROM queues WHERE tenant_id = @TenantId AND @dialled = ANY(dialled_numbers) ORDER BY created_at LIMIT 1";
        return await session.QuerySingleOrDefaultAsync<QueueRow>(sql, new { session.TenantId, request.ProjectId, dialled }, ct);
    }

    private static async Task<CallArrivedResponse?> ExistingAsync(TenantSession session, string externalId, CancellationToken ct)
    {
        var call = await session.QuerySingleOrDefaultAsync<(Guid Id, Guid QueueId, string Status, Guid? ContactId, bool Vip, string? EndReason)?>(
            "SELECT id, queue_id, status, contact_id, vip, end_reason FROM calls WHERE tenant_id = @TenantId AND external_id = @externalId",
            new { session.TenantId, externalId }, ct);
        if (call is not { } c)
        {
            return null;
        }
        var (position, estimate) = c.Status == "waiting" ? await CallsApi.PlaceInLineAsync(session, c.Id, ct) : (null, null);
        return new CallArrivedResponse(c.Id, c.QueueId, c.Status, position, estimate, c.ContactId, c.Vip, c.EndReason);
    }
}

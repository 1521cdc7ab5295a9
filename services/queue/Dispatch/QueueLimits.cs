using Platform.Contracts.Queue;
using Platform.Queue.Queues;
using Platform.Queue.Routing;
using Platform.Queue.Telephony;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.Queue.Dispatch;

/// <summary>
/// A queue's limits applied to its waiting calls, in the caller's transaction: calls that waited past the max wait (since
/// they joined, or were transferred or overflowed in), and every call when nobody able to take calls is left and the
/// no-agent rule says so, go to the overflow queue — keeping their place by original arrival, if its door lets them in
/// and the hop limit allows — or are refused with the reason (the PBX gets <c>end_call</c>). A callback is never dropped
/// this way: the caller is not on the line, an agent will call them. Calls another transaction holds are skipped (the
/// routing sweep comes back to them).
/// </summary>
public static class QueueLimits
{
    /// <param name="nobodyOnly">Apply only the no-agent rule (an agent just left), not the max wait.</param>
    /// <returns>The overflow queue that took calls, to be dispatched after the commit; null when none did.</returns>
    public static async Task<Guid?> EnforceAsync(TenantSession session, QueueRow queue, DateTimeOffset now, bool nobodyOnly, CancellationToken ct)
    {
        var nobody = Admission.WhenLastAgentLeft(await QueueDoor.LoadAsync(session, queue, ct));
        var maxWait = nobodyOnly ? null : queue.MaxWaitSeconds;
        if (maxWait is null && nobody is null)
        {
            return null;
        }
        const string sql = """
            SELECT id, project_id, contact_id, vip, priority, overflow_hops,
                   COALESCE(wait_started_at, enqueued_at) <= @limit AS waited_too_long FROM calls
            WHERE tenant_id = @TenantId AND queue_id = @queueId AND status = 'waiting' AND callback_number IS NULL
              AND (@everyone OR COALESCE(wait_started_at, enqueued_at) <= @limit)
            FOR UPDATE SKIP LOCKED
            """;
        var limit = maxWait is { } max ? now.AddSeconds(-max) : now.AddYears(-100);
        var leaving = (await session.QueryAsync<LeavingCall>(sql, new { session.TenantId, queueId = queue.Id, limit, everyone = nobody is not null }, ct)).ToList();
        var target = queue.OverflowQueueId is { } o && leaving.Count > 0 ? await QueueRow.FindAsync(session, o, ct) : null;
        Guid? overflowInto = null;
        foreach (var call in leaving)
        {
            var why = call.WaitedTooLong ? $"waited longer than {queue.MaxWaitSeconds} seconds" : nobody!.Reason!;
            var refusal = target is null ? null
                : !Admission.MayOverflowAgain(call.OverflowHops) ? $"overflowed {call.OverflowHops} times already"
                : (await QueueDoor.DecideAsync(session, target, ct)) is { Verdict: not AdmissionVerdict.Join } door ? $"{target.Name}: {door.Reason}"
                : null;
            if (target is not null && refusal is null && (call.WaitedTooLong || nobody!.Verdict == AdmissionVerdict.Overflow))
            {
                await session.ExecuteAsync("""
                    UPDATE calls SET queue_id = @TargetQueue, project_id = @TargetProject, wait_started_at = @now,
                           overflow_hops = overflow_hops + 1, target_agent_id = NULL, target_until = NULL
                    WHERE tenant_id = @TenantId AND id = @Id
                    """, new { session.TenantId, call.Id, TargetQueue = target.Id, TargetProject = target.ProjectId, now }, ct);
                await session.PublishAsync(new CallQueued(session.TenantId, call.Id, target.Id, target.ProjectId, call.ContactId, call.Vip,
                    call.Priority, 0, now, target.ServiceLevelSeconds), ct);
                await session.PublishAsync(new QueueOverflowed(session.TenantId, call.Id, queue.Id, target.Id, why, now), ct);
                overflowInto = target.Id;
                continue;
            }
            var reason = refusal is null ? why : $"{why}, and the overflow queue could not take it ({refusal})";
            await session.ExecuteAsync($"""
                UPDATE calls SET status = 'rejected', ended_at = @now, end_reason = @reason,
                       wait_seconds = extract(epoch FROM (@now - arrived_at))
                WHERE tenant_id = @TenantId AND id = @callId;
                {PbxCommands.EndCallSql}
                """, new { session.TenantId, callId = call.Id, now, reason }, ct);
            await session.PublishAsync(new QueueOverflowed(session.TenantId, call.Id, queue.Id, null, reason, now), ct);
        }
        return overflowInto;
    }

    private sealed record LeavingCall(Guid Id, Guid ProjectId, Guid? ContactId, bool Vip, int Priority, int OverflowHops, bool WaitedTooLong);
}

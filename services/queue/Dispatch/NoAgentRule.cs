using Platform.Queue.Queues;
using Platform.ServiceDefaults.Database;

namespace Platform.Queue.Dispatch;

/// <summary>
/// The no-agent rule at the moment an agent stops being able to take calls (a break, a log-out, a ring-no-answer pause,
/// leaving a queue's members): in the transaction of that change, every queue of theirs whose rule is not <c>wait</c> is
/// locked (its dispatch lock, in id order, so two agents leaving at once cannot deadlock and the second sees the first's
/// change) and, when nobody able to take calls is left, its waiting calls overflow or are refused at once
/// (<see cref="QueueLimits"/>). The routing sweep stays the net for calls another transaction held at that moment.
/// </summary>
public static class NoAgentRule
{
    /// <returns>The overflow queues that took calls, to dispatch after the commit.</returns>
    public static async Task<List<Guid>> AfterAgentLeftAsync(TenantSession session, Guid agentId, DateTimeOffset now, CancellationToken ct, Guid[]? queueIds = null)
    {
        const string sql = """
            SELECT q.id FROM queues q
            WHERE q.tenant_id = @TenantId AND q.when_no_agents <> 'wait'
              AND (q.id = ANY(@queueIds) OR (@queueIds IS NULL AND EXISTS (
                     SELECT 1 FROM queue_members m WHERE m.tenant_id = q.tenant_id AND m.queue_id = q.id AND m.agent_id = @agentId)))
              AND EXISTS (SELECT 1 FROM calls c WHERE c.tenant_id = q.tenant_id AND c.queue_id = q.id AND c.status = 'waiting' AND c.callback_number IS NULL)
            ORDER BY q.id
            """;
        var queues = (await session.QueryAsync<Guid>(sql, new { session.TenantId, agentId, queueIds }, ct)).ToList();
        var into = new List<Guid>();
        foreach (var queueId in queues)
        {
            await Dispatcher.LockQueueAsync(session, queueId, ct);
            if (await QueueRow.FindAsync(session, queueId, ct) is { } queue
                && await QueueLimits.EnforceAsync(session, queue, now, nobodyOnly: true, ct) is { } target)
            {
                into.Add(target);
            }
        }
        return into;
    }
}

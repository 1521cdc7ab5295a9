using Platform.Queue.Routing;
using Platform.ServiceDefaults.Database;

namespace Platform.Queue.Queues;

/// <summary>What a supervisor sees of a queue right now: the waiting calls in the order they will be offered, and its agents by state.</summary>
public static class QueueLiveView
{
    public sealed record WaitingCallView(int Position, Guid CallId, bool Vip, int Priority, int EffectivePriority, string Status,
        bool Callback, Guid? TargetAgentId, double WaitingSeconds, DateTime? CallbackDueAt = null, bool CarriedOver = false);

    public sealed record MemberView(Guid AgentId, string Name, int Tier, string State, string? PauseCode, DateTime StateSince);

    public sealed record LiveQueue(QueuesApi.QueueResponse Queue, WaitingCallView[] Waiting, MemberView[] Members,
        double LongestWaitSeconds, Dictionary<string, int> AgentsByState);

    private sealed record CallRow(Guid Id, bool Vip, int Priority, DateTime EnqueuedAt, DateTime ArrivedAt, string Status, string? CallbackNumber, Guid? TargetAgentId,
        DateTime? CallbackDueAt, bool CarriedOver);

    public static async Task<LiveQueue> ReadAsync(TenantSession session, QueueRow queue, DateTimeOffset now, CancellationToken ct)
    {
        var calls = (await session.QueryAsync<CallRow>("""
            SELECT id, vip, priority, enqueued_at, arrived_at, status, callback_number, target_agent_id,
                   callback_due_at, callback_carried_at IS NOT NULL AS carried_over FROM calls
            WHERE tenant_id = @TenantId AND queue_id = @Id AND status IN ('waiting', 'offered')
            ORDER BY vip DESC, priority DESC, enqueued_at LIMIT 1000
            """, new { session.TenantId, queue.Id }, ct)).ToList();
        var order = CallOrder.Sort(calls.Select(c => new WaitingCall(c.Id, c.Vip, c.Priority, new DateTimeOffset(c.EnqueuedAt, TimeSpan.Zero), c.CarriedOver)), queue.Aging, now);
        var byId = calls.ToDictionary(c => c.Id);
        var waiting = order.Select((w, i) =>
        {
            var c = byId[w.CallId];
            return new WaitingCallView(i + 1, c.Id, c.Vip, c.Priority, CallOrder.EffectivePriority(w, queue.Aging, now), c.Status,
                c.CallbackNumber is not null, c.TargetAgentId, Math.Round((now - new DateTimeOffset(c.ArrivedAt, TimeSpan.Zero)).TotalSeconds, 1),
                c.CallbackDueAt, c.CarriedOver);
        }).ToArray();
        var members = (await session.QueryAsync<MemberView>("""
            SELECT a.id AS agent_id, a.name, m.tier, a.state, a.pause_code, a.state_since
            FROM queue_members m JOIN agents a ON a.tenant_id = m.tenant_id AND a.id = m.agent_id
            WHERE m.tenant_id = @TenantId AND m.queue_id = @Id ORDER BY m.member_order
            """, new { session.TenantId, queue.Id }, ct)).ToArray();
        return new LiveQueue(QueuesApi.QueueResponse.From(queue), waiting, members,
            waiting.Length == 0 ? 0 : waiting.Max(w => w.WaitingSeconds),
            members.GroupBy(m => m.State).ToDictionary(g => g.Key, g => g.Count()));
    }
}

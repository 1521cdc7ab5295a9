using Platform.Queue.Routing;
using Platform.ServiceDefaults.Database;

namespace Platform.Queue.Queues;

/// <summary>
/// What a queue's door needs to know about it now: the calls in its line and the members who can take calls
/// (available, ringing, on a call or in wrap-up: an agent on a break or logged out does not count for the no-agent rule).
/// </summary>
public static class QueueDoor
{
    public const string StaffedStates = "('available', 'offered', 'on_call', 'wrap_up')";

    public static async Task<QueueLoad> LoadAsync(TenantSession session, QueueRow queue, CancellationToken ct)
    {
        const string sql = $"""
            SELECT (SELECT count(*)::int FROM calls WHERE tenant_id = @TenantId AND queue_id = @Id AND status IN ('waiting', 'offered')),
                   (SELECT count(*)::int FROM queue_members m JOIN agents a ON a.tenant_id = m.tenant_id AND a.id = m.agent_id
                    WHERE m.tenant_id = @TenantId AND m.queue_id = @Id AND a.state IN {StaffedStates})
            """;
        var load = await session.QuerySingleOrDefaultAsync<(int Waiting, int Staffed)>(sql, new { session.TenantId, queue.Id }, ct);
        return Of(queue, load.Waiting, load.Staffed);
    }

    public static QueueLoad Of(QueueRow queue, int waiting, int staffed) => new(waiting, queue.MaxLength, staffed,
        queue.WhenNoAgents == NoAgentsPolicy.Overflow, queue.WhenNoAgents == NoAgentsPolicy.Reject, queue.OverflowQueueId is not null);

    public static async Task<AdmissionDecision> DecideAsync(TenantSession session, QueueRow queue, CancellationToken ct) =>
        Admission.Decide(await LoadAsync(session, queue, ct));
}

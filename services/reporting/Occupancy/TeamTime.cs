using Platform.Reporting.Kpis;
using Platform.ServiceDefaults.Database;

namespace Platform.Reporting.Occupancy;

/// <summary>
/// A team's time in states per bucket: which agents (a queue's current members, the members of a project's queues, a group,
/// or everyone) and each one's time split by the buckets from the state changes in the agent's own order.
/// </summary>
public static class TeamTime
{
    public static async Task<IReadOnlyList<Guid>> AgentsAsync(TenantSession session, Guid? queueId, Guid? projectId, Guid? groupId, CancellationToken ct) =>
        [.. await session.QueryAsync<Guid>($"""
            SELECT a.agent_id FROM agents a
            WHERE a.tenant_id = @TenantId AND (CAST(@groupId AS uuid) IS NULL OR a.group_id = @groupId) AND {Live.LiveAgents.Watched}
            """, new { session.TenantId, queueId, projectId, groupId }, ct)];

    /// <summary>Per agent who has a state change in force during the buckets, the time per bucket (in the buckets' order).</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<TimeInStates>>> PerAgentAsync(
        TenantSession session, IReadOnlyList<Guid> agents, IReadOnlyList<ReportBuckets.Bucket> buckets, DateTimeOffset now, CancellationToken ct)
    {
        if (buckets.Count == 0)
        {
            return [];
        }
        var changes = await session.QueryAsync<(Guid AgentId, DateTime At, string State, string? PauseCode, long Sequence)>("""
            (SELECT DISTINCT ON (agent_id) agent_id, at, state, pause_code, sequence FROM agent_state_changes
             WHERE tenant_id = @TenantId AND agent_id = ANY(@agents) AND at < @From
             ORDER BY agent_id, sequence DESC, at DESC)
            UNION ALL
            SELECT agent_id, at, state, pause_code, sequence FROM agent_state_changes
            WHERE tenant_id = @TenantId AND agent_id = ANY(@agents) AND at >= @From AND at < @To
            """, new { session.TenantId, agents = agents.ToArray(), buckets[0].From, buckets[^1].To }, ct);
        return [.. changes.GroupBy(c => c.AgentId).Select(a => StateTimeline.SplitEach(
            a.Select(c => new StateChange(new DateTimeOffset(DateTime.SpecifyKind(c.At, DateTimeKind.Utc)), c.State, c.PauseCode, c.Sequence)), buckets, now))];
    }

    public static TimeInStates Sum(IEnumerable<TimeInStates> times)
    {
        var all = times.ToList();
        return new(all.Sum(t => t.LoggedInSeconds), all.Sum(t => t.StaffedSeconds), all.Sum(t => t.BusySeconds),
            all.SelectMany(t => t.PauseSeconds).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value)));
    }
}

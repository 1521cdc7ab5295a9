using Platform.Contracts.Queue;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.Queue.Agents;

/// <summary>
/// Tells the other services which projects agents work on (<see cref="AgentAssignmentsChanged"/>): their explicit
/// project assignments and the projects of the queues they are members of, as they stand in the caller's transaction.
/// </summary>
internal static class AgentAssignments
{
    private sealed class Row
    {
        public Guid Id { get; init; }
        public Guid? UserId { get; init; }
        public Guid? GroupId { get; init; }
        public Guid? SupervisorId { get; init; }
        public Guid[] ProjectIds { get; init; } = [];
    }

    public static async Task PublishAsync(TenantSession session, IReadOnlyCollection<Guid> agentIds, DateTimeOffset at, CancellationToken ct)
    {
        if (agentIds.Count == 0)
        {
            return;
        }
        const string sql = """
            SELECT a.id, a.user_id, a.group_id,
                   (SELECT g.supervisor_id FROM agent_groups g WHERE g.tenant_id = a.tenant_id AND g.id = a.group_id) AS supervisor_id,
                   ARRAY(SELECT p.project_id FROM agent_projects p WHERE p.tenant_id = a.tenant_id AND p.agent_id = a.id
                         UNION
                         SELECT q.project_id FROM queue_members m JOIN queues q ON q.tenant_id = m.tenant_id AND q.id = m.queue_id
                         WHERE m.tenant_id = a.tenant_id AND m.agent_id = a.id
                         ORDER BY 1) AS project_ids
            FROM agents a WHERE a.tenant_id = @TenantId AND a.id = ANY(@Ids)
            ORDER BY a.id
            """;
        foreach (var agent in await session.QueryAsync<Row>(sql, new { session.TenantId, Ids = agentIds.Distinct().ToArray() }, ct))
        {
            await session.PublishAsync(new AgentAssignmentsChanged(session.TenantId, agent.Id, agent.UserId, agent.GroupId, agent.ProjectIds, at, agent.SupervisorId), ct);
        }
    }

    /// <summary>The members of a queue now (before a change replaces them, so that those who leave are told too).</summary>
    public static async Task<Guid[]> MembersOfAsync(TenantSession session, Guid queueId, CancellationToken ct) =>
        (await session.QueryAsync<Guid>("SELECT agent_id FROM queue_members WHERE tenant_id = @TenantId AND queue_id = @queueId",
            new { session.TenantId, queueId }, ct)).ToArray();
}

using Npgsql;
using Platform.Contracts.Queue;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Inbox;

namespace Platform.Scripts.Agents;

/// <summary>Who works on which projects (and who leads their group), as the queue service tells it; an older state never overwrites a newer one.</summary>
public sealed class AgentAssignmentsChangedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<AgentAssignmentsChanged>(dataSource)
{
    protected override Task HandleAsync(AgentAssignmentsChanged message, TenantSession session, CancellationToken cancellationToken) =>
        session.ExecuteAsync("""
            INSERT INTO agent_assignments (tenant_id, agent_id, user_id, group_id, project_ids, changed_at, supervisor_id)
            VALUES (@TenantId, @AgentId, @UserId, @GroupId, @ProjectIds, @At, @SupervisorId)
            ON CONFLICT (tenant_id, agent_id) DO UPDATE SET user_id = EXCLUDED.user_id, group_id = EXCLUDED.group_id,
                project_ids = EXCLUDED.project_ids, changed_at = EXCLUDED.changed_at, supervisor_id = EXCLUDED.supervisor_id
            WHERE agent_assignments.changed_at <= EXCLUDED.changed_at
            """, new { message.TenantId, message.AgentId, message.UserId, message.GroupId, message.ProjectIds, message.At, message.SupervisorId }, cancellationToken);
}

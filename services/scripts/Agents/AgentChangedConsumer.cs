using Npgsql;
using Platform.Contracts.Queue;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Inbox;

namespace Platform.Scripts.Agents;

/// <summary>Agents' names ({{agent.name}}) and the users they sign in as, from the queue service.</summary>
public sealed class AgentChangedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<AgentChanged>(dataSource)
{
    protected override Task HandleAsync(AgentChanged message, TenantSession session, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO agents (tenant_id, id, user_id, name, changed_at)
            VALUES (@TenantId, @AgentId, @UserId, @Name, @At)
            ON CONFLICT (tenant_id, id) DO UPDATE SET user_id = EXCLUDED.user_id, name = EXCLUDED.name, changed_at = EXCLUDED.changed_at
            WHERE agents.changed_at <= EXCLUDED.changed_at
            """;
        return session.ExecuteAsync(sql, new { message.TenantId, message.AgentId, message.UserId, message.Name, message.At }, cancellationToken);
    }
}

using Npgsql;
using Platform.Contracts.Projects;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Inbox;

namespace Platform.Scripts.Projects;

/// <summary>Learns of a new project, so scripts can be written for it.</summary>
public sealed class ProjectCreatedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<ProjectCreated>(dataSource)
{
    protected override Task HandleAsync(ProjectCreated message, TenantSession session, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO projects (tenant_id, id, name, created_at)
            VALUES (@TenantId, @ProjectId, @Name, @CreatedAt)
            ON CONFLICT DO NOTHING
            """;
        return session.ExecuteAsync(sql, new { message.TenantId, message.ProjectId, message.Name, message.CreatedAt }, cancellationToken);
    }
}

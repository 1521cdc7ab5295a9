using Npgsql;
using Platform.Contracts.Projects;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Inbox;

namespace Platform.Reporting.Projects;

/// <summary>Starts a new project's figures at zero.</summary>
public sealed class ProjectCreatedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<ProjectCreated>(dataSource)
{
    protected override Task HandleAsync(ProjectCreated message, TenantSession session, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO project_figures (tenant_id, project_id, name, direction, time_zone, started_at)
            VALUES (@TenantId, @ProjectId, @Name, @Direction, @TimeZone, @CreatedAt)
            ON CONFLICT DO NOTHING
            """;
        return session.ExecuteAsync(sql, new
        {
            message.TenantId, message.ProjectId, message.Name,
            Direction = message.Direction.ToString().ToLowerInvariant(), message.TimeZone, message.CreatedAt,
        }, cancellationToken);
    }
}

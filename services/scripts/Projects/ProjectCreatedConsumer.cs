using Npgsql;
using Platform.Contracts.Projects;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Inbox;

namespace Platform.Scripts.Projects;

/// <summary>Learns of a new project, so scripts can be written for it ({{project.name}}, {{project.company}}).</summary>
public sealed class ProjectCreatedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<ProjectCreated>(dataSource)
{
    protected override Task HandleAsync(ProjectCreated message, TenantSession session, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO projects (tenant_id, id, name, created_at, client_company_id, company_name)
            VALUES (@TenantId, @ProjectId, @Name, @CreatedAt, @ClientCompanyId, @ClientCompanyName)
            ON CONFLICT DO NOTHING
            """;
        return session.ExecuteAsync(sql, new { message.TenantId, message.ProjectId, message.Name, message.CreatedAt, message.ClientCompanyId, message.ClientCompanyName }, cancellationToken);
    }
}

/// <summary>A project was renamed or moved to another client company.</summary>
public sealed class ProjectUpdatedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<ProjectUpdated>(dataSource)
{
    protected override Task HandleAsync(ProjectUpdated message, TenantSession session, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE projects SET name = @Name, client_company_id = @ClientCompanyId, company_name = @ClientCompanyName
            WHERE tenant_id = @TenantId AND id = @ProjectId
            """;
        return session.ExecuteAsync(sql, new { message.TenantId, message.ProjectId, message.Name, message.ClientCompanyId, message.ClientCompanyName }, cancellationToken);
    }
}

/// <summary>A client company's new name shows in its projects' scripts.</summary>
public sealed class ClientCompanyRenamedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<ClientCompanyRenamed>(dataSource)
{
    protected override Task HandleAsync(ClientCompanyRenamed message, TenantSession session, CancellationToken cancellationToken) =>
        session.ExecuteAsync("UPDATE projects SET company_name = @Name WHERE tenant_id = @TenantId AND client_company_id = @ClientCompanyId",
            new { message.TenantId, message.ClientCompanyId, message.Name }, cancellationToken);
}

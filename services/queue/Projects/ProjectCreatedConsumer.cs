using Npgsql;
using Platform.Contracts.Projects;
using Platform.Queue.Queues;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Inbox;

namespace Platform.Queue.Projects;

/// <summary>A new project gets its default inbound queue.</summary>
public sealed class ProjectCreatedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<ProjectCreated>(dataSource)
{
    protected override async Task HandleAsync(ProjectCreated message, TenantSession session, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO projects (tenant_id, id, name, direction, time_zone, created_at)
            VALUES (@TenantId, @ProjectId, @Name, @Direction, @TimeZone, @CreatedAt)
            ON CONFLICT DO NOTHING;

            INSERT INTO queues (tenant_id, id, project_id, name, is_default, strategy,
                                service_level_percent, service_level_seconds, wrap_up_seconds, created_at)
            VALUES (@TenantId, @QueueId, @ProjectId, @QueueName, true, @Strategy,
                    @ServiceLevelPercent, @ServiceLevelSeconds, @WrapUpSeconds, @CreatedAt)
            ON CONFLICT DO NOTHING;
            """;
        var queue = DefaultQueue.For(message);
        await session.ExecuteAsync(sql, new
        {
            message.TenantId, message.ProjectId, message.Name, Direction = message.Direction.ToString().ToLowerInvariant(),
            message.TimeZone, message.CreatedAt, QueueId = Guid.CreateVersion7(), QueueName = queue.Name, queue.Strategy,
            queue.ServiceLevelPercent, queue.ServiceLevelSeconds, queue.WrapUpSeconds,
        }, cancellationToken);
    }
}

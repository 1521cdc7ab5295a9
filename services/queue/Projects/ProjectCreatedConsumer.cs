using Npgsql;
using Platform.Contracts.Projects;
using Platform.Contracts.Queue;
using Platform.Queue.Queues;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Inbox;
using Platform.ServiceDefaults.Messaging.Outbox;

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

            SELECT id FROM queues WHERE tenant_id = @TenantId AND project_id = @ProjectId AND is_default;
            """;
        var queue = DefaultQueue.For(message);
        var queueId = await session.QuerySingleOrDefaultAsync<Guid?>(sql, new
        {
            message.TenantId, message.ProjectId, message.Name, Direction = message.Direction.ToString().ToLowerInvariant(),
            message.TimeZone, message.CreatedAt, QueueId = Guid.CreateVersion7(), QueueName = queue.Name, queue.Strategy,
            queue.ServiceLevelPercent, queue.ServiceLevelSeconds, queue.WrapUpSeconds,
        }, cancellationToken);
        if (queueId is { } id)
        {
            await session.PublishAsync(new QueueConfigured(message.TenantId, id, message.ProjectId, queue.Name, queue.ServiceLevelPercent,
                queue.ServiceLevelSeconds, message.CreatedAt, QueueSettings.DefaultShortAbandonSeconds, ShortAbandonsExcluded: false), cancellationToken);
        }
    }
}

using System.Collections.Concurrent;
using MassTransit;
using Npgsql;
using Platform.Contracts.Projects;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Inbox;

namespace Platform.ServiceDefaults.Tests.Messaging;

/// <summary>
/// Counts every ProjectCreated it applies: not idempotent by itself, so only the inbox keeps a duplicate out.
/// A project named <see cref="Poison"/> always fails; its attempts are counted in memory.
/// </summary>
public sealed class DeliveryCounter(NpgsqlDataSource dataSource) : InboxConsumer<ProjectCreated>(dataSource)
{
    public const string Poison = "poison";
    public static readonly ConcurrentDictionary<Guid, int> PoisonAttempts = new();

    protected override Task HandleAsync(ProjectCreated message, TenantSession session, CancellationToken cancellationToken)
    {
        if (message.Name == Poison)
        {
            PoisonAttempts.AddOrUpdate(message.ProjectId, 1, (_, attempts) => attempts + 1);
            throw new InvalidOperationException("This message always fails.");
        }
        const string sql = """
            INSERT INTO deliveries (tenant_id, project_id, applied) VALUES (@TenantId, @ProjectId, 1)
            ON CONFLICT (tenant_id, project_id) DO UPDATE SET applied = deliveries.applied + 1
            """;
        return session.ExecuteAsync(sql, new { message.TenantId, message.ProjectId }, cancellationToken);
    }
}

/// <summary>One message at a time, in queue order, so a test knows a duplicate was handled before what follows it.</summary>
public sealed class DeliveryCounterDefinition : ConsumerDefinition<DeliveryCounter>
{
    public DeliveryCounterDefinition() => ConcurrentMessageLimit = 1;
}

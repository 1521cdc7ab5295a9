using Platform.Contracts.Queue;
using Platform.ServiceDefaults.Database;

namespace Platform.Reporting.Queues;

/// <summary>A queue as configured (known before its first call) and its member agents.</summary>
public static class QueueSetup
{
    /// <summary>The queue's name and goals, the latest configuration winning; its threshold T as the latest event says.</summary>
    public static Task ConfiguredAsync(TenantSession session, QueueConfigured e, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO queues (tenant_id, queue_id, project_id, name, service_level_percent, service_level_seconds, short_abandon_seconds,
                                short_abandons_excluded, configured_at, seen_at)
            VALUES (@TenantId, @QueueId, @ProjectId, @Name, @ServiceLevelPercent, @ServiceLevelSeconds, @ShortAbandonSeconds,
                    @ShortAbandonsExcluded, @At, @At)
            ON CONFLICT (tenant_id, queue_id) DO UPDATE SET
                project_id = EXCLUDED.project_id,
                name = CASE WHEN queues.configured_at IS NULL OR EXCLUDED.configured_at >= queues.configured_at THEN EXCLUDED.name ELSE queues.name END,
                service_level_percent = CASE WHEN queues.configured_at IS NULL OR EXCLUDED.configured_at >= queues.configured_at
                    THEN EXCLUDED.service_level_percent ELSE queues.service_level_percent END,
                short_abandon_seconds = CASE WHEN queues.configured_at IS NULL OR EXCLUDED.configured_at >= queues.configured_at
                    THEN EXCLUDED.short_abandon_seconds ELSE queues.short_abandon_seconds END,
                short_abandons_excluded = CASE WHEN queues.configured_at IS NULL OR EXCLUDED.configured_at >= queues.configured_at
                    THEN EXCLUDED.short_abandons_excluded ELSE queues.short_abandons_excluded END,
                service_level_seconds = CASE WHEN EXCLUDED.seen_at >= queues.seen_at THEN EXCLUDED.service_level_seconds ELSE queues.service_level_seconds END,
                configured_at = GREATEST(queues.configured_at, EXCLUDED.configured_at),
                seen_at = GREATEST(queues.seen_at, EXCLUDED.seen_at)
            """;
        return session.ExecuteAsync(sql, new { session.TenantId, e.QueueId, e.ProjectId, e.Name, e.ServiceLevelPercent, e.ServiceLevelSeconds,
            e.ShortAbandonSeconds, e.ShortAbandonsExcluded, e.At }, ct);
    }

    /// <summary>The queue's members become the list given, unless a later replacement was already counted.</summary>
    public static Task MembersReplacedAsync(TenantSession session, QueueMembersReplaced e, CancellationToken ct)
    {
        const string sql = """
            WITH newer AS (
                INSERT INTO queue_member_lists AS l (tenant_id, queue_id, replaced_at) VALUES (@TenantId, @QueueId, @At)
                ON CONFLICT (tenant_id, queue_id) DO UPDATE SET replaced_at = EXCLUDED.replaced_at WHERE EXCLUDED.replaced_at >= l.replaced_at
                RETURNING 1),
            gone AS (
                DELETE FROM queue_members m WHERE m.tenant_id = @TenantId AND m.queue_id = @QueueId AND EXISTS (SELECT 1 FROM newer)
                  AND m.agent_id <> ALL(@AgentIds))
            INSERT INTO queue_members (tenant_id, queue_id, agent_id)
            SELECT @TenantId, @QueueId, a FROM unnest(@AgentIds) AS a WHERE EXISTS (SELECT 1 FROM newer)
            ON CONFLICT DO NOTHING
            """;
        return session.ExecuteAsync(sql, new { session.TenantId, e.QueueId, e.AgentIds, e.At }, ct);
    }
}

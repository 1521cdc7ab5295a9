using Platform.ServiceDefaults.Database;

namespace Platform.Reporting.Projects;

/// <summary>Whether reporting knows an id (of the caller's tenant: row-level security and the filter both say so).</summary>
public static class ReportLookups
{
    public static async Task<bool> ProjectExistsAsync(TenantSession session, Guid projectId, CancellationToken ct) =>
        await session.QuerySingleOrDefaultAsync<int?>(
            "SELECT 1 FROM project_figures WHERE tenant_id = @TenantId AND project_id = @projectId", new { session.TenantId, projectId }, ct) is not null;

    /// <summary>The queue's project, or null when reporting has never seen a call in that queue.</summary>
    public static Task<Guid?> QueueProjectAsync(TenantSession session, Guid queueId, CancellationToken ct) =>
        session.QuerySingleOrDefaultAsync<Guid?>(
            "SELECT project_id FROM queues WHERE tenant_id = @TenantId AND queue_id = @queueId", new { session.TenantId, queueId }, ct);
}

using Platform.Contracts.Projects;
using Platform.ServiceDefaults.Database;

namespace Platform.Reporting.Projects;

/// <summary>Projects (name, direction, zone) and their per-day counts (in the project's zone) of complaints and orders.</summary>
public static class ProjectProjection
{
    private static readonly HashSet<string> DayCounters = ["complaints_opened", "complaints_resolved", "orders"];

    public static Task CreatedAsync(TenantSession session, ProjectCreated e, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO project_figures (tenant_id, project_id, name, direction, time_zone, started_at)
            VALUES (@TenantId, @ProjectId, @Name, @Direction, @TimeZone, @CreatedAt)
            ON CONFLICT DO NOTHING
            """;
        return session.ExecuteAsync(sql, new
        {
            e.TenantId, e.ProjectId, e.Name, Direction = e.Direction.ToString().ToLowerInvariant(), e.TimeZone, e.CreatedAt,
        }, ct);
    }

    public static Task UpdatedAsync(TenantSession session, ProjectUpdated e, CancellationToken ct) =>
        session.ExecuteAsync("UPDATE project_figures SET name = @Name WHERE tenant_id = @TenantId AND project_id = @ProjectId",
            new { session.TenantId, e.ProjectId, e.Name }, ct);

    public static Task CountAsync(TenantSession session, Guid projectId, DateOnly day, string counter, CancellationToken ct)
    {
        if (!DayCounters.Contains(counter))
        {
            throw new ArgumentOutOfRangeException(nameof(counter)); // the column name goes into SQL: only these
        }
        var sql = $"""
            INSERT INTO project_days (tenant_id, project_id, day, {counter}) VALUES (@TenantId, @projectId, @Day, 1)
            ON CONFLICT (tenant_id, project_id, day) DO UPDATE SET {counter} = project_days.{counter} + 1
            """;
        return session.ExecuteAsync(sql, new { session.TenantId, projectId, Day = day.ToDateTime(TimeOnly.MinValue) }, ct);
    }
}

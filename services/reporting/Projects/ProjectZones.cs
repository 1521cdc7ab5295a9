using NodaTime;
using Platform.Contracts.Projects;
using Platform.Reporting.Kpis;
using Platform.ServiceDefaults.Database;

namespace Platform.Reporting.Projects;

/// <summary>
/// A tenant's projects' time zones as reporting learnt them from <c>ProjectCreated</c> (a zone never changes), and the call
/// center's home zone for its people's days (<see cref="ReportingDay.HomeZone"/>). A project not seen yet counts in UTC.
/// </summary>
public sealed class ProjectZones
{
    private readonly Dictionary<Guid, (string TimeZone, DateTimeOffset StartedAt)> projects;

    private ProjectZones(Dictionary<Guid, (string TimeZone, DateTimeOffset StartedAt)> projects)
    {
        this.projects = projects;
        Home = ReportingDay.Zone(ReportingDay.HomeZone(projects.Select(p => (p.Value.TimeZone, p.Value.StartedAt, p.Key))));
    }

    public DateTimeZone Home { get; private set; }

    public DateTimeZone Of(Guid projectId) => projects.TryGetValue(projectId, out var p) ? ReportingDay.Zone(p.TimeZone) : DateTimeZone.Utc;

    public IEnumerable<Guid> Projects => projects.Keys;

    /// <summary>A project created in the same batch or replay as events that follow it.</summary>
    public void Add(ProjectCreated e)
    {
        projects.TryAdd(e.ProjectId, (e.TimeZone, e.CreatedAt));
        Home = ReportingDay.Zone(ReportingDay.HomeZone(projects.Select(p => (p.Value.TimeZone, p.Value.StartedAt, p.Key))));
    }

    public static async Task<ProjectZones> LoadAsync(TenantSession session, CancellationToken ct)
    {
        var rows = await session.QueryAsync<(Guid ProjectId, string TimeZone, DateTime StartedAt)>(
            "SELECT project_id, time_zone, started_at FROM project_figures WHERE tenant_id = @TenantId", new { session.TenantId }, ct);
        return new ProjectZones(rows.ToDictionary(r => r.ProjectId,
            r => (r.TimeZone, new DateTimeOffset(DateTime.SpecifyKind(r.StartedAt, DateTimeKind.Utc)))));
    }
}

namespace Platform.Reporting.Projects;

/// <summary>A project's headline figures. Rates are null until there is a call to base them on.</summary>
public sealed record ProjectSummary(
    Guid ProjectId, string Name, string Direction, string TimeZone, DateTime StartedAt,
    long CallsOffered, long CallsAnswered, long CallsAbandoned)
{
    /// <summary>Abandoned calls as a share of offered calls, 0–1.</summary>
    public double? AbandonmentRate => CallsOffered == 0 ? null : (double)CallsAbandoned / CallsOffered;
}

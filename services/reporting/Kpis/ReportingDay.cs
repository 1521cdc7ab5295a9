using NodaTime;

namespace Platform.Reporting.Kpis;

/// <summary>
/// Days as the call center lives them: a project's day runs from midnight to midnight in the project's time zone (23 or
/// 25 hours on a daylight-saving change), not in UTC. An unknown or missing zone falls back to UTC.
/// </summary>
public static class ReportingDay
{
    public static DateTimeZone Zone(string? id) =>
        id is null ? DateTimeZone.Utc : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) ?? DateTimeZone.Utc;

    /// <summary>The day an instant belongs to in <paramref name="zone"/>.</summary>
    public static DateOnly DayOf(DateTimeOffset at, DateTimeZone zone) => Instant.FromDateTimeOffset(at).InZone(zone).Date.ToDateOnly();

    /// <summary>The instant <paramref name="day"/> starts in <paramref name="zone"/> (its first valid moment if midnight is skipped).</summary>
    public static DateTimeOffset Start(DateOnly day, DateTimeZone zone) =>
        zone.AtStartOfDay(LocalDate.FromDateOnly(day)).ToInstant().ToDateTimeOffset();

    /// <summary>From the start of <paramref name="day"/> to the start of the next, in <paramref name="zone"/>.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Span(DateOnly day, DateTimeZone zone) => (Start(day, zone), Start(day.AddDays(1), zone));

    /// <summary>
    /// Where a date-time without an offset is read: in <paramref name="zone"/> (an ambiguous local time takes its earlier
    /// instant, a skipped one the instant after the gap).
    /// </summary>
    public static DateTimeOffset Local(DateTime local, DateTimeZone zone) =>
        LocalDateTime.FromDateTime(local).InZoneLeniently(zone).ToInstant().ToDateTimeOffset();

    /// <summary>The same local time <paramref name="weeks"/> weeks earlier (staffing's "same interval of recent weeks"), across DST changes.</summary>
    public static DateTimeOffset WeeksBefore(DateTimeOffset at, int weeks, DateTimeZone zone) =>
        Instant.FromDateTimeOffset(at).InZone(zone).LocalDateTime.PlusWeeks(-weeks).InZoneLeniently(zone).ToInstant().ToDateTimeOffset();

    /// <summary>
    /// The zone of a call center's people (agents' and groups' days): agents work for several projects, so their day is
    /// the call center's own, taken as the zone of its first project (the earliest started; UTC before any).
    /// </summary>
    public static string? HomeZone(IEnumerable<(string TimeZone, DateTimeOffset StartedAt, Guid ProjectId)> projects) =>
        projects.OrderBy(p => p.StartedAt).ThenBy(p => p.ProjectId).Select(p => p.TimeZone).FirstOrDefault();
}

using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Npgsql;
using Platform.Reporting.Csv;
using Platform.Reporting.Kpis;
using Platform.Reporting.Projects;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;

namespace Platform.Reporting.Queues;

/// <summary>
/// The preamble every report over a range shares: the caller's tenant session, the zone its days are in (the project's, the
/// queue's project's, or the call center's), <c>from</c>/<c>to</c>/<c>granularity</c> read by <see cref="ReportRange"/>, and
/// <c>format</c> checked. A report adds its own fields' errors to <see cref="Errors"/> and answers <see cref="Problem"/> when any.
/// </summary>
public sealed class RangeRequest : IAsyncDisposable
{
    private RangeRequest(TenantSession session, ProjectZones zones, DateTimeZone zone, Guid? scopeProject, DateTimeOffset now,
        ReportRange? range, Dictionary<string, string[]> errors)
    {
        (Session, Zones, Zone, ScopeProject, Now, this.range, Errors) = (session, zones, zone, scopeProject, now, range, errors);
    }

    private readonly ReportRange? range;

    public TenantSession Session { get; }
    public ProjectZones Zones { get; }
    public DateTimeZone Zone { get; }

    /// <summary>The project the report is about (given, or the queue's); null when the queue is unknown or neither is given.</summary>
    public Guid? ScopeProject { get; }

    public DateTimeOffset Now { get; }
    public Dictionary<string, string[]> Errors { get; }
    public bool Invalid => Errors.Count > 0;

    /// <summary>The range read (only when not <see cref="Invalid"/>).</summary>
    public ReportRange Range => range ?? throw new InvalidOperationException("The range did not parse.");

    public ValidationProblem Problem() => TypedResults.ValidationProblem(Errors);

    /// <param name="defaultGranularity">Used when <paramref name="granularity"/> is not given.</param>
    /// <param name="lookBack">For lists rather than interval reports: the default range is the last <paramref name="lookBack"/> to now, by day.</param>
    /// <param name="thisMonth">The default range is this month of the zone's calendar (instead of today).</param>
    /// <param name="errors">The report's own fields' errors, found before; the range's and the format's are added.</param>
    public static async Task<RangeRequest> OpenAsync(
        NpgsqlDataSource db, ClaimsPrincipal user, TimeProvider clock, string? from, string? to, string? granularity, string? format,
        CancellationToken ct, Guid? projectId = null, Guid? queueId = null, string defaultGranularity = "15m", TimeSpan? lookBack = null,
        Dictionary<string, string[]>? errors = null, bool thisMonth = false)
    {
        errors ??= [];
        foreach (var (field, messages) in CsvReport.Check(format))
        {
            errors[field] = messages;
        }
        var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        try
        {
            var zones = await ProjectZones.LoadAsync(session, ct);
            var scopeProject = projectId ?? (queueId is { } q ? await ReportLookups.QueueProjectAsync(session, q, ct) : null);
            var zone = scopeProject is { } p ? zones.Of(p) : zones.Home;
            var now = clock.GetUtcNow();
            if (lookBack is { } back)
            {
                (from, to, granularity) = (from ?? now.Add(-back).ToString("O"), to ?? now.AddSeconds(1).ToString("O"), "day");
            }
            if (thisMonth && from is null && to is null)
            {
                var today = ReportingDay.DayOf(now, zone);
                var first = new DateOnly(today.Year, today.Month, 1);
                (from, to) = (first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), first.AddMonths(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
            var (range, rangeErrors) = ReportRange.Parse(from, to, granularity ?? defaultGranularity, now, zone);
            foreach (var (field, messages) in rangeErrors)
            {
                errors[field] = messages;
            }
            return new RangeRequest(session, zones, zone, scopeProject, now, range, errors);
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => Session.DisposeAsync();
}

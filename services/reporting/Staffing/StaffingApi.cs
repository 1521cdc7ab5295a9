using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using Npgsql;
using Platform.Reporting.Csv;
using Platform.Reporting.Kpis;
using Platform.Reporting.Projects;
using Platform.Reporting.Queues;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Reporting.Staffing;

/// <summary>
/// Erlang C staffing for a queue or a project (or for figures given outright): calls per interval (given, or the average
/// of the same interval in the last four weeks), handle time (given, or today's AHT, else the last 28 days'), the
/// service-level target and shrinkage → agents on the phones, agents to schedule, expected service level, ASA, occupancy.
/// Without a queue or a project the whole call center is measured. <c>agents</c> asks what a given head count would achieve.
/// </summary>
public static class StaffingApi
{
    public sealed record StaffingAnswer(
        Guid? QueueId, Guid? ProjectId, DateTimeOffset IntervalStart, int IntervalMinutes, double CallsPerInterval, string CallsFrom,
        double AhtSeconds, string AhtFrom, double ServiceLevelTargetPercent, double ServiceLevelSeconds, double ShrinkagePercent,
        double TrafficErlangs, int AgentsNeeded, int AgentsToSchedule, double ExpectedServiceLevel, double ProbabilityOfWaiting,
        double AverageSpeedOfAnswer, double Occupancy, StaffingOption? Proposed, IReadOnlyList<StaffingOption> Options);

    public static RouteGroupBuilder MapStaffingApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/reporting/staffing").WithTags("Staffing").RequireAuthorization(Policies.Supervision);
        group.MapGet("/", GetStaffing).WithName("GetStaffing").WithSummary("The agents an interval needs (Erlang C) for a volume, handle time, service-level target and shrinkage; measured from the queue's recent weeks when not given (CSV with format=csv)");
        return group;
    }

    private const int RecentWeeks = 4;

    /// <summary>The queue service's default handle time, for a scope with no handled call to measure.</summary>
    private const double DefaultHandleSeconds = 180;

    private static async Task<Results<Ok<StaffingAnswer>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetStaffing(
        Guid? queueId, Guid? projectId, string? at, string? callsPerInterval, string? intervalMinutes, string? ahtSeconds, string? serviceLevelPercent,
        string? serviceLevelSeconds, string? shrinkagePercent, string? agents, string? format, ClaimsPrincipal user, NpgsqlDataSource db,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = CsvReport.Check(format);
        var now = clock.GetUtcNow();
        var calls = Number(callsPerInterval, "callsPerInterval", errors);
        var minutes = Number(intervalMinutes, "intervalMinutes", errors) ?? 15;
        var aht = Number(ahtSeconds, "ahtSeconds", errors);
        var target = Number(serviceLevelPercent, "serviceLevelPercent", errors) ?? 80;
        var threshold = Number(serviceLevelSeconds, "serviceLevelSeconds", errors);
        var shrinkage = Number(shrinkagePercent, "shrinkagePercent", errors) ?? 0;
        var proposed = Number(agents, "agents", errors);
        var start = At(at, now, errors);
        if (minutes != Math.Floor(minutes))
        {
            errors["intervalMinutes"] = ["Whole minutes."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        if (projectId is { } p && !await ReportLookups.ProjectExistsAsync(session, p, ct))
        {
            return Problems.NotFound("Project", p);
        }
        int? queueThreshold = null;
        var zones = await ProjectZones.LoadAsync(session, ct);
        var zone = projectId is { } pz ? zones.Of(pz) : zones.Home; // "today" and "the same interval" in the project's (or call center's) time
        if (queueId is { } q)
        {
            var queue = await session.QuerySingleOrDefaultAsync<(Guid ProjectId, int? ServiceLevelSeconds)?>(
                "SELECT project_id, service_level_seconds FROM queues WHERE tenant_id = @TenantId AND queue_id = @q", new { session.TenantId, q }, ct);
            if (queue is null)
            {
                return Problems.NotFound("Queue", q);
            }
            queueThreshold = queue.Value.ServiceLevelSeconds;
            zone = zones.Of(queue.Value.ProjectId);
        }
        var callsFrom = "given";
        if (calls is null)
        {
            calls = await RecentCallsAsync(session, queueId, projectId, start, (int)minutes, zone, ct);
            callsFrom = $"average of the same interval in the last {RecentWeeks} weeks";
        }
        var ahtFrom = "given";
        if (aht is null)
        {
            (aht, ahtFrom) = await LiveAhtAsync(session, queueId, projectId, now, zone, ct);
            if (aht is null)
            {
                (aht, ahtFrom) = (DefaultHandleSeconds, "default (no handled calls in the last 28 days)");
            }
        }
        var input = new StaffingInput(calls.Value, (int)minutes, aht.Value, target / 100, threshold ?? queueThreshold ?? QueueProjection.DefaultThresholdSeconds,
            shrinkage / 100);
        errors = Kpis.Staffing.Check(input);
        var traffic = ErlangC.Traffic(input.Calls, input.IntervalMinutes * 60.0, input.HandleSeconds);
        if (errors.Count == 0 && proposed is { } n && (n != Math.Floor(n) || n <= traffic || n > Kpis.Staffing.MaxAgents))
        {
            errors["agents"] = [$"A whole number of agents above the traffic ({traffic:0.##} Erlangs): with fewer the line grows without end."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var plan = Kpis.Staffing.Plan(input);
        if (CsvReport.Wanted(format))
        {
            return CsvReport.File(plan.Options, "staffing");
        }
        return TypedResults.Ok(new StaffingAnswer(queueId, projectId, start, input.IntervalMinutes, input.Calls, callsFrom, input.HandleSeconds, ahtFrom,
            target, input.ThresholdSeconds, shrinkage, plan.TrafficErlangs, plan.Needed.Agents, plan.AgentsToSchedule, plan.Needed.ServiceLevel,
            plan.Needed.ProbabilityOfWaiting, plan.Needed.AverageSpeedOfAnswer, plan.Needed.Occupancy,
            proposed is { } m ? Kpis.Staffing.Evaluate(input, traffic, (int)m) : null, plan.Options));
    }

    private static async Task<double> RecentCallsAsync(
        TenantSession session, Guid? queueId, Guid? projectId, DateTimeOffset start, int minutes, DateTimeZone zone, CancellationToken ct)
    {
        const string sql = """
            SELECT COALESCE(sum(offered), 0)::double precision FROM queue_intervals
            WHERE tenant_id = @TenantId AND (CAST(@queueId AS uuid) IS NULL OR queue_id = @queueId)
              AND (CAST(@projectId AS uuid) IS NULL OR project_id = @projectId)
              AND (interval_start >= @Week1 AND interval_start < @Week1 + @Length OR interval_start >= @Week2 AND interval_start < @Week2 + @Length
                OR interval_start >= @Week3 AND interval_start < @Week3 + @Length OR interval_start >= @Week4 AND interval_start < @Week4 + @Length)
            """;
        var total = await session.QuerySingleOrDefaultAsync<double>(sql, new
        {
            session.TenantId, queueId, projectId, Length = TimeSpan.FromMinutes(minutes),
            Week1 = ReportingDay.WeeksBefore(start, 1, zone), Week2 = ReportingDay.WeeksBefore(start, 2, zone),
            Week3 = ReportingDay.WeeksBefore(start, 3, zone), Week4 = ReportingDay.WeeksBefore(start, 4, zone),
        }, ct);
        return total / RecentWeeks;
    }

    private static async Task<(double? Aht, string From)> LiveAhtAsync(
        TenantSession session, Guid? queueId, Guid? projectId, DateTimeOffset now, DateTimeZone zone, CancellationToken ct)
    {
        const string sql = """
            SELECT (sum(talk_seconds) + sum(wrap_up_seconds)) / NULLIF(sum(handled), 0) FROM queue_intervals
            WHERE tenant_id = @TenantId AND (CAST(@queueId AS uuid) IS NULL OR queue_id = @queueId)
              AND (CAST(@projectId AS uuid) IS NULL OR project_id = @projectId) AND interval_start >= @since
            """;
        var today = ReportingDay.DayOf(now, zone);
        var since = ReportingDay.Start(today, zone);
        if (await session.QuerySingleOrDefaultAsync<double?>(sql, new { session.TenantId, queueId, projectId, since }, ct) is { } live)
        {
            return (live, "today");
        }
        var recent = await session.QuerySingleOrDefaultAsync<double?>(sql, new
        {
            session.TenantId, queueId, projectId, since = ReportingDay.Start(today.AddDays(-28), zone),
        }, ct);
        return (recent, "last 28 days");
    }

    private static double? Number(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return number;
        }
        errors[field] = ["A number."];
        return null;
    }

    /// <summary>The interval to staff: <c>at</c> rounded down to 15 minutes, or the next interval from now.</summary>
    private static DateTimeOffset At(string? at, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        var quarter = TimeSpan.FromMinutes(15).Ticks;
        if (at is null)
        {
            return new DateTimeOffset((now.UtcTicks / quarter + 1) * quarter, TimeSpan.Zero);
        }
        if (DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            && time.Year is >= 2000 and <= 2200)
        {
            return new DateTimeOffset(time.UtcTicks / quarter * quarter, TimeSpan.Zero);
        }
        errors["at"] = ["An ISO 8601 date-time."];
        return now;
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Reporting.Csv;
using Platform.Reporting.Kpis;
using Platform.Reporting.Projects;
using Platform.Reporting.Queues;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Reporting.Occupancy;

/// <summary>
/// Staffed agents and occupancy per 15 minutes (or day, week, month) for a queue's members, the members of a project's queues,
/// a group's agents, or the whole call center: from each agent's ordered state changes. Staffed agents is the interval's
/// average head count staffed (staffed seconds / the interval's seconds), what a workforce plan is compared with.
/// </summary>
public static class OccupancyApi
{
    public sealed record IntervalOccupancy(
        DateTimeOffset Start, long AgentsLoggedIn, double StaffedAgents, double LoggedInSeconds, double StaffedSeconds, double BusySeconds,
        double AvailableSeconds, double PauseSeconds, double? Occupancy);

    public sealed record OccupancyReport(
        Guid? QueueId, Guid? ProjectId, Guid? GroupId, string Granularity, DateTimeOffset From, DateTimeOffset To, long Agents,
        IReadOnlyList<IntervalOccupancy> Intervals, IntervalOccupancy Total);

    public static RouteGroupBuilder MapOccupancyApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/reporting").WithTags("Agents").RequireAuthorization(Policies.Supervision);
        group.MapGet("/occupancy", GetOccupancy).WithName("GetOccupancy")
            .WithSummary("Staffed agents, logged-in agents, busy time and occupancy per 15 minutes, day, week or month for a queue, project, group or the call center.");
        return group;
    }

    private static async Task<Results<Ok<OccupancyReport>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetOccupancy(
        Guid? queueId, Guid? projectId, Guid? groupId, string? from, string? to, string? granularity, string? format, ClaimsPrincipal user,
        NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (new[] { queueId, projectId, groupId }.Count(id => id is not null) > 1)
        {
            errors["queueId"] = ["At most one of queueId, projectId and groupId."];
        }
        await using var request = await RangeRequest.OpenAsync(db, user, clock, from, to, granularity, format, ct, projectId, queueId, errors: errors);
        if (request.Invalid)
        {
            return request.Problem();
        }
        var (session, zone, now) = (request.Session, request.Zone, request.Now);
        if (queueId is { } queue && request.ScopeProject is null)
        {
            return Problems.NotFound("Queue", queue);
        }
        if (projectId is { } project && !await ReportLookups.ProjectExistsAsync(session, project, ct))
        {
            return Problems.NotFound("Project", project);
        }
        var agents = await TeamTime.AgentsAsync(session, queueId, projectId, groupId, ct);
        if (groupId is { } g && agents.Count == 0)
        {
            return Problems.NotFound("Group", g); // reporting knows a group by its agents
        }
        var r = request.Range;
        var buckets = ReportBuckets.Of(r.From, r.To, r.Granularity, zone);
        var perAgent = await TeamTime.PerAgentAsync(session, agents, buckets, now, ct);
        var rows = buckets.Select((b, i) => Of(b.Start, b.Seconds, perAgent.Select(a => a[i]).ToList())).ToList();
        var total = Of(r.From, buckets.Sum(b => b.Seconds), perAgent.Select(a => TeamTime.Sum(a)).ToList());
        if (CsvReport.Wanted(format))
        {
            return CsvReport.File(rows, $"occupancy-{r.Granularity}", zone, total);
        }
        return TypedResults.Ok(new OccupancyReport(queueId, projectId, groupId, r.Granularity, r.From, r.To, agents.Count, rows, total));
    }

    private static IntervalOccupancy Of(DateTimeOffset start, double seconds, IReadOnlyList<TimeInStates> agents)
    {
        var time = TeamTime.Sum(agents);
        var pause = time.PauseSeconds.Values.Sum();
        return new IntervalOccupancy(start, agents.Count(a => a.LoggedInSeconds > 0), seconds > 0 ? time.StaffedSeconds / seconds : 0,
            time.LoggedInSeconds, time.StaffedSeconds, time.BusySeconds, time.StaffedSeconds - time.BusySeconds, pause, time.Occupancy);
    }
}

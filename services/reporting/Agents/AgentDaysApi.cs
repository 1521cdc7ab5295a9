using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Reporting.Csv;
using Platform.Reporting.Kpis;
using Platform.Reporting.Projects;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Reporting.Agents;

/// <summary>
/// The end-of-day report per agent (by the queue service's agent id, or the user id the agent signs in as) and per group
/// for the supervisor: the group's agents and their total. Days are the call center's: midnight to midnight in the zone of
/// its first project (<see cref="ReportingDay.HomeZone"/>). For the call center's supervision only.
/// </summary>
public static class AgentDaysApi
{
    public sealed record GroupDay(
        Guid GroupId, DateOnly Date, IReadOnlyList<AgentDay> Agents, long ContactsPlanned, long ContactsCalled, long MeetingsSet, long ContractsSigned,
        long CallsHandled, double TalkSeconds, double? AverageHandleTime, double? BandShare, double? Occupancy);

    public static RouteGroupBuilder MapAgentDaysApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/reporting").WithTags("Agents").RequireAuthorization(Policies.Supervision);
        group.MapGet("/agents/{agentId:guid}/days/{date}", GetAgentDay).WithName("GetAgentDay").WithSummary("An agent's day: staffed, talk, wrap-up and pause time by code, calls handled and occupancy");
        group.MapGet("/groups/{groupId:guid}/days/{date}", GetGroupDay).WithName("GetGroupDay").WithSummary("An agent group's day: the end-of-day table per agent and the group's totals");
        return group;
    }

    private static async Task<Results<Ok<AgentDay>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetAgentDay(
        Guid agentId, string date, string? format, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var (day, errors) = Check(date, format);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var agent = await session.QuerySingleOrDefaultAsync<AgentDay.Agent>("""
            SELECT agent_id, user_id, name, group_id FROM agents WHERE tenant_id = @TenantId AND (agent_id = @agentId OR user_id = @agentId)
            ORDER BY agent_id = @agentId DESC LIMIT 1
            """, new { session.TenantId, agentId }, ct);
        if (agent is null)
        {
            return Problems.NotFound("Agent", agentId);
        }
        var zones = await ProjectZones.LoadAsync(session, ct);
        var report = await AgentDay.ReadAsync(session, agent, day, zones.Home, clock.GetUtcNow(), ct);
        return CsvReport.Wanted(format) ? CsvReport.File([report.Flat()], $"agent-{agent.AgentId}-{date}") : TypedResults.Ok(report);
    }

    private static async Task<Results<Ok<GroupDay>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetGroupDay(
        Guid groupId, string date, string? format, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var (day, errors) = Check(date, format);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var agents = (await session.QueryAsync<AgentDay.Agent>(
            "SELECT agent_id, user_id, name, group_id FROM agents WHERE tenant_id = @TenantId AND group_id = @groupId ORDER BY name, agent_id",
            new { session.TenantId, groupId }, ct)).ToList();
        if (agents.Count == 0)
        {
            return Problems.NotFound("Group", groupId); // reporting knows a group by its agents
        }
        var zones = await ProjectZones.LoadAsync(session, ct);
        var days = new List<AgentDay>();
        foreach (var agent in agents)
        {
            days.Add(await AgentDay.ReadAsync(session, agent, day, zones.Home, clock.GetUtcNow(), ct));
        }
        long handled = days.Sum(d => d.CallsHandled), inBand = days.Sum(d => d.CallsInBand);
        double talk = days.Sum(d => d.TalkSeconds), wrap = days.Sum(d => d.WrapUpSeconds);
        if (CsvReport.Wanted(format))
        {
            var pauses = days.SelectMany(d => d.PauseSeconds).GroupBy(p => p.Key, p => p.Value).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Sum():0}");
            var total = new AgentDay.Row(groupId, "", day, days.Sum(d => d.ContactsPlanned), days.Sum(d => d.ContactsCalled), days.Sum(d => d.Outcomes),
                days.Sum(d => d.MeetingsSet), days.Sum(d => d.ContractsSigned), handled, talk, Kpi.AverageHandleTime(talk, wrap, handled), inBand,
                Kpi.BandShare(inBand, handled), days.Sum(d => d.LoggedInSeconds), Kpi.Occupancy(days.Sum(d => d.BusySeconds), days.Sum(d => d.StaffedSeconds)),
                string.Join(';', pauses));
            return CsvReport.File(days.Select(d => d.Flat()), $"group-{groupId}-{date}", total: total);
        }
        return TypedResults.Ok(new GroupDay(groupId, day, days, days.Sum(d => d.ContactsPlanned), days.Sum(d => d.ContactsCalled),
            days.Sum(d => d.MeetingsSet), days.Sum(d => d.ContractsSigned), handled, talk, Kpi.AverageHandleTime(talk, wrap, handled),
            Kpi.BandShare(inBand, handled), Kpi.Occupancy(days.Sum(d => d.BusySeconds), days.Sum(d => d.StaffedSeconds))));
    }

    private static (DateOnly Day, Dictionary<string, string[]> Errors) Check(string date, string? format)
    {
        var errors = CsvReport.Check(format);
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day.Year is < 2000 or > 2200)
        {
            errors["date"] = ["The day, yyyy-MM-dd (in the call center's time zone)."];
        }
        return (day, errors);
    }
}

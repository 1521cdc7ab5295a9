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

namespace Platform.Reporting.Agents;

/// <summary>
/// An agent's report over a range, per 15 minutes, day, week or month of the call center's calendar (the zone of its first
/// project), with a total. For the call center's supervision only.
/// </summary>
public static class AgentRangeApi
{
    public sealed record AgentReport(
        Guid AgentId, Guid? UserId, string Name, Guid? GroupId, string Granularity, DateTimeOffset From, DateTimeOffset To,
        IReadOnlyList<AgentRange.Figures> Intervals, AgentRange.Figures Total);

    public static RouteGroupBuilder MapAgentRangeApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/reporting/agents").WithTags("Agents").RequireAuthorization(Policies.Supervision);
        group.MapGet("/{agentId:guid}/report", GetAgentReport).WithName("GetAgentReport")
            .WithSummary("An agent's calls, talk time by direction, results and time in states per 15 minutes, day, week or month, with a total.");
        return group;
    }

    private static async Task<Results<Ok<AgentReport>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetAgentReport(
        Guid agentId, string? from, string? to, string? granularity, string? format, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock,
        CancellationToken ct)
    {
        await using var request = await RangeRequest.OpenAsync(db, user, clock, from, to, granularity, format, ct, defaultGranularity: ReportBuckets.Day);
        if (request.Invalid)
        {
            return request.Problem();
        }
        var agent = await AgentLookup.FindAsync(request.Session, agentId, ct);
        if (agent is null)
        {
            return Problems.NotFound("Agent", agentId);
        }
        var r = request.Range;
        var (rows, total) = await AgentRange.ReadAsync(request.Session, agent, ReportBuckets.Of(r.From, r.To, r.Granularity, request.Zone), request.Now, ct);
        if (CsvReport.Wanted(format))
        {
            return CsvReport.File(rows.Select(x => x.Flat()), $"agent-{agent.AgentId}-{r.Granularity}", request.Zone, total.Flat());
        }
        return TypedResults.Ok(new AgentReport(agent.AgentId, agent.UserId, agent.Name, agent.GroupId, r.Granularity, r.From, r.To, rows, total));
    }
}

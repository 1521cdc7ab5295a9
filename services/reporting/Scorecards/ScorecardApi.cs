using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Reporting.Agents;
using Platform.Reporting.Csv;
using Platform.Reporting.Kpis;
using Platform.Reporting.Queues;
using Platform.Reporting.Satisfaction;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Http;

namespace Platform.Reporting.Scorecards;

/// <summary>
/// The agent scorecard over a range: per agent (everyone, a group's agents, or one agent) calls handled, sales and conversion,
/// calls in the 3–5 minute band, AHT, CSAT and occupancy; per group the same from its agents' sums; and a total. The call
/// center's supervision only. Each agent's figures are those of the agent report over the same range (<see cref="AgentRange"/>).
/// </summary>
public static class ScorecardApi
{
    public const string ByAgent = "agent", ByGroup = "group";

    public sealed record ScoreRow(
        Guid? AgentId, Guid? UserId, string? Name, Guid? GroupId, long CallsHandled, long Sales, double? Conversion, long CallsInBand,
        double? BandShare, double? AverageHandleTime, long SurveyResponses, double? Csat, double? AverageRating, double StaffedSeconds,
        double BusySeconds, double? Occupancy)
    {
        public static ScoreRow Of(Guid? agentId, Guid? userId, string? name, Guid? groupId, AgentScore s) => new(
            agentId, userId, name, groupId, s.CallsHandled, s.Sales, s.Conversion, s.CallsInBand, s.BandShare, s.AverageHandleTime,
            s.Satisfaction.Responses, s.Satisfaction.Csat, s.Satisfaction.AverageRating, s.StaffedSeconds, s.BusySeconds, s.Occupancy);
    }

    public sealed record Scorecard(
        DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ScoreRow> Agents, IReadOnlyList<ScoreRow> Groups, ScoreRow Total);

    public static RouteGroupBuilder MapScorecardApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/reporting").WithTags("Agents").RequireAuthorization(Policies.Supervision);
        group.MapGet("/scorecard", GetScorecard).WithName("GetScorecard")
            .WithSummary("The agent scorecard over a range: calls handled, sales and conversion, 3–5 minute calls, AHT, CSAT and occupancy per agent and group.");
        return group;
    }

    private static async Task<Results<Ok<Scorecard>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetScorecard(
        Guid? groupId, Guid? agentId, string? from, string? to, string? by, string? format, ClaimsPrincipal user, NpgsqlDataSource db,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (by is not (null or ByAgent or ByGroup))
        {
            errors["by"] = ["agent (the default: the CSV's rows) or group."];
        }
        await using var request = await RangeRequest.OpenAsync(db, user, clock, from, to, null, format, ct, defaultGranularity: ReportBuckets.Day,
            errors: errors);
        if (request.Invalid)
        {
            return request.Problem();
        }
        var session = request.Session;
        var agents = (await session.QueryAsync<AgentDay.Agent>("""
            SELECT agent_id, user_id, name, group_id FROM agents
            WHERE tenant_id = @TenantId AND (CAST(@groupId AS uuid) IS NULL OR group_id = @groupId)
              AND (CAST(@agentId AS uuid) IS NULL OR agent_id = @agentId OR user_id = @agentId)
            ORDER BY name, agent_id
            """, new { session.TenantId, groupId, agentId }, ct)).ToList();
        if (agents.Count == 0 && (groupId is not null || agentId is not null))
        {
            return groupId is { } g ? Problems.NotFound("Group", g) : Problems.NotFound("Agent", agentId!.Value);
        }
        var r = request.Range;
        var ratings = (await SatisfactionApi.ReadAsync(request, null, null, null, null, ct))
            .Where(c => c.UserId is not null).GroupBy(c => c.UserId!.Value)
            .ToDictionary(g => g.Key, g => SatisfactionRatings.Sum(g.Select(c => c.Ratings)));
        var range = new[] { new ReportBuckets.Bucket(r.From, r.From, r.To) };
        var scored = new List<(AgentDay.Agent Agent, AgentScore Score)>();
        foreach (var agent in agents)
        {
            var (_, f) = await AgentRange.ReadAsync(session, agent, range, request.Now, ct);
            scored.Add((agent, new AgentScore(f.CallsHandled, f.ContractsSigned, f.CallsInBand, f.TalkSeconds, f.WrapUpSeconds, f.StaffedSeconds,
                f.BusySeconds, agent.UserId is { } u && ratings.TryGetValue(u, out var s) ? s : SatisfactionRatings.None)));
        }
        var rows = scored.Select(x => ScoreRow.Of(x.Agent.AgentId, x.Agent.UserId, x.Agent.Name, x.Agent.GroupId, x.Score)).ToList();
        var groups = scored.GroupBy(x => x.Agent.GroupId).OrderBy(g => g.Key)
            .Select(g => ScoreRow.Of(null, null, null, g.Key, AgentScore.Sum(g.Select(x => x.Score)))).ToList();
        var total = ScoreRow.Of(null, null, null, groupId, AgentScore.Sum(scored.Select(x => x.Score)));
        if (CsvReport.Wanted(format))
        {
            return CsvReport.File(by == ByGroup ? groups : rows, $"scorecard-by-{by ?? ByAgent}", request.Zone, total);
        }
        return TypedResults.Ok(new Scorecard(r.From, r.To, rows, groups, total));
    }
}

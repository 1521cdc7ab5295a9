using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Reporting.Agents;
using Platform.Reporting.Csv;
using Platform.Reporting.Kpis;
using Platform.Reporting.Projects;
using Platform.Reporting.Queues;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Http;

namespace Platform.Reporting.Satisfaction;

/// <summary>
/// CSAT over a range: the post-call survey's ratings (1–5) per agent, per queue or per project, with responses per score, the
/// average score and the share satisfied (4 or 5), and a total. Client viewers read their own projects, by project or queue.
/// </summary>
public static class SatisfactionApi
{
    public const string ByAgent = "agent", ByQueue = "queue", ByProject = "project";

    public sealed record SatisfactionRow(
        Guid? ProjectId, Guid? QueueId, Guid? AgentId, Guid? UserId, string? AgentName, Guid? GroupId, long Responses, long Satisfied, double? Csat,
        double? AverageRating, long Rating1, long Rating2, long Rating3, long Rating4, long Rating5)
    {
        public static SatisfactionRow Of(Guid? projectId, Guid? queueId, Guid? agentId, Guid? userId, string? name, Guid? groupId, SatisfactionRatings r) =>
            new(projectId, queueId, agentId, userId, name, groupId, r.Responses, r.Satisfied, r.Csat, r.AverageRating,
                r.Rating1, r.Rating2, r.Rating3, r.Rating4, r.Rating5);
    }

    public sealed record SatisfactionReport(string By, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<SatisfactionRow> Rows, SatisfactionRow Total);

    /// <summary>Ratings grouped by project, the queue of the call (null: a session without a queue call) and the agent user.</summary>
    internal sealed record Counted(
        Guid ProjectId, Guid? QueueId, Guid? UserId, Guid? AgentId, string? AgentName, Guid? GroupId, long R1, long R2, long R3, long R4, long R5)
    {
        public SatisfactionRatings Ratings => new(R1, R2, R3, R4, R5);
    }

    public static RouteGroupBuilder MapSatisfactionApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/reporting").WithTags("Satisfaction").RequireAuthorization(Policies.Reports);
        group.MapGet("/satisfaction", GetSatisfaction).WithName("GetSatisfaction")
            .WithSummary("CSAT from the post-call survey's rating question (1–5) per agent, queue or project over a range: responses, average, share satisfied.");
        return group;
    }

    private static async Task<Results<Ok<SatisfactionReport>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetSatisfaction(
        string? by, Guid? projectId, Guid? queueId, Guid? agentId, string? from, string? to, string? format, ClaimsPrincipal user,
        NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var only = ReportScope.OnlyProjects(user);
        var view = by ?? (only is null ? ByAgent : ByProject);
        var errors = new Dictionary<string, string[]>();
        if (view is not (ByAgent or ByQueue or ByProject))
        {
            errors["by"] = ["agent (the default; project for a client viewer), queue or project."];
        }
        await using var request = await RangeRequest.OpenAsync(db, user, clock, from, to, null, format, ct, projectId, queueId,
            defaultGranularity: ReportBuckets.Day, errors: errors);
        if (request.Invalid)
        {
            return request.Problem();
        }
        if (only is not null && (view == ByAgent || agentId is not null))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Agents' figures are the call center's.",
                detail: "A client viewer reads satisfaction by project or queue.");
        }
        if (projectId is { } p && (!user.MaySeeProject(p) || !await ReportLookups.ProjectExistsAsync(request.Session, p, ct)))
        {
            return Problems.NotFound("Project", p);
        }
        if (queueId is { } q && (request.ScopeProject is not { } qp || !user.MaySeeProject(qp)))
        {
            return Problems.NotFound("Queue", q);
        }
        Guid? userId = null;
        if (agentId is { } a)
        {
            userId = (await AgentLookup.FindAsync(request.Session, a, ct))?.UserId ?? a; // an agent's id or the user id sessions carry
        }
        var counted = await ReadAsync(request, projectId, queueId, userId, only, ct);
        var rows = (view switch
        {
            ByProject => counted.GroupBy(c => c.ProjectId).Select(g => SatisfactionRow.Of(g.Key, null, null, null, null, null, Sum(g))),
            ByQueue => counted.GroupBy(c => (c.ProjectId, c.QueueId)).Select(g => SatisfactionRow.Of(g.Key.ProjectId, g.Key.QueueId, null, null, null, null, Sum(g))),
            _ => counted.GroupBy(c => c.UserId).Select(g => SatisfactionRow.Of(null, null, g.First().AgentId, g.Key, g.First().AgentName, g.First().GroupId, Sum(g))),
        }).OrderBy(r => r.AgentName ?? "\uffff", StringComparer.Ordinal).ThenBy(r => r.ProjectId).ThenBy(r => r.QueueId).ThenBy(r => r.UserId).ToList();
        var total = SatisfactionRow.Of(projectId, queueId, null, userId, null, null, Sum(counted));
        if (CsvReport.Wanted(format))
        {
            return CsvReport.File(rows, $"satisfaction-by-{view}", request.Zone, total);
        }
        return TypedResults.Ok(new SatisfactionReport(view, request.Range.From, request.Range.To, rows, total));
    }

    private static SatisfactionRatings Sum(IEnumerable<Counted> counted) => SatisfactionRatings.Sum(counted.Select(c => c.Ratings));

    /// <summary>The range's ratings by project, queue and agent user (filters optional; <paramref name="only"/>: a client viewer's projects).</summary>
    internal static async Task<IReadOnlyList<Counted>> ReadAsync(
        RangeRequest request, Guid? projectId, Guid? queueId, Guid? userId, Guid[]? only, CancellationToken ct)
    {
        // The queue of the call's leg that was answered last (the one whose agent took the survey), the agent's latest record.
        const string sql = """
            SELECT s.project_id, q.queue_id, s.agent_user_id AS user_id, a.agent_id, a.name AS agent_name, a.group_id,
                   count(*) FILTER (WHERE s.rating = 1) AS r1, count(*) FILTER (WHERE s.rating = 2) AS r2, count(*) FILTER (WHERE s.rating = 3) AS r3,
                   count(*) FILTER (WHERE s.rating = 4) AS r4, count(*) FILTER (WHERE s.rating = 5) AS r5
            FROM satisfaction_answers s
            LEFT JOIN LATERAL (SELECT cr.queue_id FROM call_records cr WHERE cr.tenant_id = s.tenant_id AND cr.call_id = s.call_id
                               ORDER BY cr.answered_at DESC NULLS LAST LIMIT 1) q ON true
            LEFT JOIN LATERAL (SELECT x.agent_id, x.name, x.group_id FROM agents x WHERE x.tenant_id = s.tenant_id AND x.user_id = s.agent_user_id
                               ORDER BY x.changed_at DESC LIMIT 1) a ON true
            WHERE s.tenant_id = @TenantId AND s.answered_at >= @From AND s.answered_at < @To
              AND (CAST(@projectId AS uuid) IS NULL OR s.project_id = @projectId)
              AND (CAST(@queueId AS uuid) IS NULL OR q.queue_id = @queueId)
              AND (CAST(@userId AS uuid) IS NULL OR s.agent_user_id = @userId)
              AND (CAST(@only AS uuid[]) IS NULL OR s.project_id = ANY(@only))
            GROUP BY s.project_id, q.queue_id, s.agent_user_id, a.agent_id, a.name, a.group_id
            """;
        return [.. await request.Session.QueryAsync<Counted>(sql, new
        {
            request.Session.TenantId, request.Range.From, request.Range.To, projectId, queueId, userId, only,
        }, ct)];
    }
}

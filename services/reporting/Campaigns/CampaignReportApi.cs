using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Reporting.Kpis;
using Platform.Reporting.Projects;
using Platform.Reporting.Queues;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Reporting.Campaigns;

/// <summary>
/// A project's outbound campaigns over a range (docs/dialer.md, "Campaign report"): per campaign the dials with a result in
/// the range, people connected to an agent, people reached (human: connected and dropped), answering machines, drops, the
/// abandon rate against the campaign's cap, every result, and the outcomes the agents wrote for those calls.
/// </summary>
public static class CampaignReportApi
{
    public sealed record CampaignFigures(
        Guid CampaignId, int Dialed, int Connected, int Human, int Machine, int Dropped, double AbandonRatePercent, double AbandonCapPercent,
        bool OverCap, IReadOnlyDictionary<string, int> Results, IReadOnlyDictionary<string, int> Outcomes);

    public sealed record CampaignReport(Guid ProjectId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<CampaignFigures> Campaigns);

    private sealed record Counted(Guid CampaignId, string Name, int Count);

    private sealed record Cap(Guid CampaignId, decimal Percent);

    public static RouteGroupBuilder MapCampaignReportApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/reporting/projects").WithTags("Projects").RequireAuthorization(Policies.Reports);
        group.MapGet("/{projectId:guid}/campaigns", GetCampaignReport).WithName("GetCampaignReport")
            .WithSummary("A project's campaigns over a range: dialed, connected, human, machine, drops, abandon rate against the cap, results, outcomes.");
        return group;
    }

    private static async Task<Results<Ok<CampaignReport>, ValidationProblem, ProblemHttpResult>> GetCampaignReport(
        Guid projectId, string? from, string? to, Guid? campaignId, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var zone = (await ProjectZones.LoadAsync(session, ct)).Of(projectId);
        var (range, errors) = ReportRange.Parse(from, to, ReportBuckets.Day, clock.GetUtcNow(), zone);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (!user.MaySeeProject(projectId) || !await ReportLookups.ProjectExistsAsync(session, projectId, ct))
        {
            return Problems.NotFound("Project", projectId);
        }
        var args = new { session.TenantId, projectId, campaignId, range!.From, range.To };
        const string dials = """
            FROM campaign_dials d
            WHERE d.tenant_id = @TenantId AND d.project_id = @projectId AND d.at >= @From AND d.at < @To
              AND (CAST(@campaignId AS uuid) IS NULL OR d.campaign_id = @campaignId)
            """;
        var results = (await session.QueryAsync<Counted>($"SELECT d.campaign_id, d.result AS name, count(*)::int AS count {dials} GROUP BY 1, 2", args, ct)).ToList();
        var outcomes = (await session.QueryAsync<Counted>($"""
            SELECT d.campaign_id, o.disposition AS name, count(*)::int AS count
            {dials.Replace("FROM campaign_dials d", "FROM campaign_dials d JOIN outcomes o ON o.tenant_id = d.tenant_id AND o.call_id = d.dial_id")}
            GROUP BY 1, 2
            """, args, ct)).ToLookup(o => o.CampaignId);
        // The cap the campaign's latest dial in the range was dialed under.
        var caps = (await session.QueryAsync<Cap>($"SELECT DISTINCT ON (d.campaign_id) d.campaign_id, d.abandon_cap_percent AS percent {dials} ORDER BY d.campaign_id, d.at DESC",
            args, ct)).ToDictionary(c => c.CampaignId, c => (double)c.Percent);
        await session.CommitAsync(ct);
        var campaigns = results.GroupBy(r => r.CampaignId).OrderBy(g => g.Key).Select(g =>
        {
            var byResult = g.ToDictionary(r => r.Name, r => r.Count);
            var tally = new CampaignTally(byResult.Values.Sum(), byResult.GetValueOrDefault(CampaignTally.ConnectedResult), byResult.GetValueOrDefault(CampaignTally.DroppedResult),
                byResult.GetValueOrDefault(CampaignTally.MachineResult), caps[g.Key]);
            return new CampaignFigures(g.Key, tally.Dialed, tally.Connected, tally.Human, tally.Machine, tally.Dropped, tally.AbandonRatePercent,
                tally.AbandonCapPercent, tally.OverCap, byResult, outcomes[g.Key].ToDictionary(o => o.Name, o => o.Count));
        }).ToList();
        return TypedResults.Ok(new CampaignReport(projectId, range.From, range.To, campaigns));
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Dapper;
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
/// abandon rate against the campaign's cap and its worst 30-minute rolling window, every result, and the outcomes the agents
/// wrote for those calls.
/// </summary>
public static class CampaignReportApi
{
    /// <summary>The dialer's rolling window (<c>PacingPolicy.RollingWindow</c> in the queue service; the end-to-end
    /// CampaignReportTests hold the two equal): the report judges its worst window over the same 30 minutes.</summary>
    public static readonly TimeSpan RollingWindow = TimeSpan.FromMinutes(30);

    public sealed record CampaignFigures(
        Guid CampaignId, int Dialed, int Connected, int Human, int Machine, int Dropped, double AbandonRatePercent, double AbandonCapPercent,
        bool OverCap, double? WorstWindowAbandonRatePercent, DateTimeOffset? WorstWindowEndedAt, int WorstWindowPeople, int WorstWindowDrops,
        bool WorstWindowOverCap, int WorstWindowMinutes, IReadOnlyDictionary<string, int> Results, IReadOnlyDictionary<string, int> Outcomes);

    public sealed record CampaignReport(Guid ProjectId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<CampaignFigures> Campaigns);

    private sealed record Counted(Guid CampaignId, string Name, int Count);

    private sealed record Cap(Guid CampaignId, decimal Percent);

    private sealed record Reached(Guid CampaignId, DateTime At, bool Dropped);   // timestamptz reads as a UTC DateTime

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
        var worst = await WorstWindowsAsync(session, $"SELECT d.campaign_id, d.at, d.result = 'dropped' AS dropped {dials} AND d.result IN ('connected', 'dropped') ORDER BY d.at",
            args, range, ct);
        await session.CommitAsync(ct);
        var campaigns = results.GroupBy(r => r.CampaignId).OrderBy(g => g.Key).Select(g =>
        {
            var byResult = g.ToDictionary(r => r.Name, r => r.Count);
            var tally = new CampaignTally(byResult.Values.Sum(), byResult.GetValueOrDefault(CampaignTally.ConnectedResult), byResult.GetValueOrDefault(CampaignTally.DroppedResult),
                byResult.GetValueOrDefault(CampaignTally.MachineResult), caps[g.Key]);
            var window = worst.GetValueOrDefault(g.Key)?.Worst;
            return new CampaignFigures(g.Key, tally.Dialed, tally.Connected, tally.Human, tally.Machine, tally.Dropped, tally.AbandonRatePercent,
                tally.AbandonCapPercent, tally.OverCap, window?.RatePercent, window?.EndedAt, window?.People ?? 0, window?.Drops ?? 0,
                window?.OverCap(tally.AbandonCapPercent) ?? false, (int)RollingWindow.TotalMinutes, byResult, outcomes[g.Key].ToDictionary(o => o.Name, o => o.Count));
        }).ToList();
        return TypedResults.Ok(new CampaignReport(projectId, range.From, range.To, campaigns));
    }

    /// <summary>
    /// Each campaign's people reached in the range, streamed in time order (the index on project and time, no sort) into its
    /// worst window: a long range is read once, holding one window's people per campaign, never the range's.
    /// </summary>
    private static async Task<Dictionary<Guid, WorstAbandonWindow>> WorstWindowsAsync(
        TenantSession session, string sql, object args, ReportRange range, CancellationToken ct)
    {
        var windows = new Dictionary<Guid, WorstAbandonWindow>();
        var connection = await session.ConnectionAsync(ct);
        await foreach (var person in connection.QueryUnbufferedAsync<Reached>(sql, args, session.Transaction).WithCancellation(ct))
        {
            if (!windows.TryGetValue(person.CampaignId, out var campaign))
            {
                windows[person.CampaignId] = campaign = new WorstAbandonWindow(RollingWindow, range.From, range.To);
            }
            campaign.Add(new DateTimeOffset(DateTime.SpecifyKind(person.At, DateTimeKind.Utc)), person.Dropped);
        }
        return windows;
    }
}

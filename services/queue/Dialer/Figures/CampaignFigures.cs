using Platform.Queue.Dialer.Pacing;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Queue.Dialer.Campaigns;
using Platform.Queue.Dialer.Dialing;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Queue.Dialer.Figures;

/// <summary>
/// A campaign's live figures for the wallboard, read from PostgreSQL: attempts by state and result since the start, the
/// abandon rate over the rolling window and since the start against the cap, and the campaign's agents by state.
/// </summary>
public static class CampaignFigures
{
    public sealed record FiguresView(
        Guid CampaignId, string State, string DialMode, int Dialed, int Ringing, int AnsweredWaiting, int Connected, int PeopleReached, int Dropped,
        int Previewing, int Skipped, double AbandonRatePercent, double WindowAbandonRatePercent, int WindowMinutes, double AbandonCapPercent,
        Dictionary<string, int> Results, int AgentsIdle, int AgentsOnCall, int AgentsInWrapUp, int AgentsOnBreak, int AgentsLoggedOut, DateTime At);

    private sealed class Row
    {
        public int Dialed { get; init; }
        public int Ringing { get; init; }
        public int AnsweredWaiting { get; init; }
        public int Connected { get; init; }
        public int Dropped { get; init; }
        public int Previewing { get; init; }
        public int Skipped { get; init; }
        public int WindowHumans { get; init; }
        public int WindowDropped { get; init; }
        public string[] ResultNames { get; init; } = [];
        public int[] ResultCounts { get; init; } = [];
        public string[] AgentStates { get; init; } = [];
        public bool[] AgentOffered { get; init; } = [];
    }

    private const string Sql = $"""
        WITH dials AS (SELECT status, result, result_at FROM campaign_dials WHERE tenant_id = @TenantId AND campaign_id = @campaignId),
        results AS (SELECT COALESCE(result, status) AS name, count(*)::int AS n FROM dials WHERE status IN ('connected', 'dropped', 'ended') GROUP BY 1),
        staff AS (SELECT a.state, EXISTS (SELECT 1 FROM call_offers o WHERE o.tenant_id = a.tenant_id AND o.agent_id = a.id) AS offered
                  FROM agents a WHERE a.tenant_id = @TenantId
                    AND a.id IN (SELECT m.agent_id FROM {CampaignAgents.OfCampaignSql} WHERE m.campaign_id = @campaignId))
        SELECT
            (SELECT count(*) FROM dials WHERE status NOT IN ('previewing', 'skipped', 'cancelled'))::int AS dialed,
            (SELECT count(*) FROM dials WHERE status = 'ringing')::int AS ringing,
            (SELECT count(*) FROM dials WHERE status = 'answered')::int AS answered_waiting,
            (SELECT count(*) FROM dials WHERE status = 'connected')::int AS connected,
            (SELECT count(*) FROM dials WHERE status = 'dropped')::int AS dropped,
            (SELECT count(*) FROM dials WHERE status = 'previewing')::int AS previewing,
            (SELECT count(*) FROM dials WHERE status = 'skipped')::int AS skipped,
            (SELECT count(*) FROM dials WHERE status IN ('connected', 'dropped') AND result_at >= @windowStart)::int AS window_humans,
            (SELECT count(*) FROM dials WHERE status = 'dropped' AND result_at >= @windowStart)::int AS window_dropped,
            ARRAY(SELECT name FROM results ORDER BY name) AS result_names,
            ARRAY(SELECT n FROM results ORDER BY name) AS result_counts,
            ARRAY(SELECT state FROM staff) AS agent_states,
            ARRAY(SELECT offered FROM staff) AS agent_offered
        """;

    public static async Task<Results<Ok<FiguresView>, ProblemHttpResult>> GetCampaignFigures(
        Guid campaignId, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNowAsStored();
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        if (await CampaignEditing.VisibleAsync(session, user, campaignId, ct) is not { } campaign)
        {
            return Problems.NotFound("Campaign", campaignId);
        }
        var r = (await session.QuerySingleOrDefaultAsync<Row>(Sql, new { session.TenantId, campaignId, windowStart = now - PacingPolicy.RollingWindow }, ct))!;
        await session.CommitAsync(ct);
        var people = r.Connected + r.Dropped;
        var states = r.AgentStates.Zip(r.AgentOffered).ToList();
        return TypedResults.Ok(new FiguresView(campaignId, campaign.State, campaign.DialMode, r.Dialed, r.Ringing, r.AnsweredWaiting, r.Connected, people,
            r.Dropped, r.Previewing, r.Skipped, Percent(r.Dropped, people), Percent(r.WindowDropped, r.WindowHumans), (int)PacingPolicy.RollingWindow.TotalMinutes,
            campaign.AbandonCapPercent, r.ResultNames.Zip(r.ResultCounts).ToDictionary(p => p.First, p => p.Second),
            AgentsIdle: states.Count(s => s.First == "available" && !s.Second), AgentsOnCall: states.Count(s => s.First is "on_call" or "offered" || s.First == "available" && s.Second),
            AgentsInWrapUp: states.Count(s => s.First == "wrap_up"), AgentsOnBreak: states.Count(s => s.First == "break"),
            AgentsLoggedOut: states.Count(s => s.First == "logged_out"), now.UtcDateTime));
    }

    private static double Percent(int part, int whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 2);
}

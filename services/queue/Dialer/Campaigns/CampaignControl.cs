using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Contracts.Dialer;
using Platform.Queue.Calls;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.Queue.Dialer.Campaigns;

/// <summary>Start, pause, stop: each a state change under the campaign's row lock, so it waits for a tick pacing it and the next tick sees it.</summary>
public static class CampaignControl
{
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record StateChangeRequest(string? Reason);

    public static Task<Results<Ok<CampaignView>, ValidationProblem, ProblemHttpResult>> StartCampaign(
        Guid campaignId, StateChangeRequest request, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(campaignId, CampaignState.Command.Start, request, user, db, clock, ct);

    public static Task<Results<Ok<CampaignView>, ValidationProblem, ProblemHttpResult>> PauseCampaign(
        Guid campaignId, StateChangeRequest request, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(campaignId, CampaignState.Command.Pause, request, user, db, clock, ct);

    public static Task<Results<Ok<CampaignView>, ValidationProblem, ProblemHttpResult>> StopCampaign(
        Guid campaignId, StateChangeRequest request, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(campaignId, CampaignState.Command.Stop, request, user, db, clock, ct);

    private static async Task<Results<Ok<CampaignView>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        Guid campaignId, CampaignState.Command command, StateChangeRequest request, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var reason = request.Reason?.Trim();
        if (reason is { Length: > 200 } || reason?.Any(char.IsControl) == true)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["At most 200 printable characters."] },
                title: "The campaign's state cannot change.");
        }
        var now = clock.GetUtcNowAsStored();
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var state = await session.QuerySingleOrDefaultAsync<string?>(
            "SELECT state FROM campaigns WHERE tenant_id = @TenantId AND id = @campaignId FOR UPDATE", new { session.TenantId, campaignId }, ct);
        if (state is null)
        {
            return Problems.NotFound("Campaign", campaignId);
        }
        var move = CampaignState.Decide(state, command);
        if (!move.Allowed)
        {
            return CallConflict.Because("The campaign's state cannot change.", move.Refusal!);
        }
        if (command == CampaignState.Command.Start && !await HasAgentsAsync(session, campaignId, ct))
        {
            return CallConflict.Because("The campaign cannot start.", "It has no agents: name agents or groups first.");
        }
        await session.ExecuteAsync("""
            UPDATE campaigns SET state = @To, state_reason = @reason, state_since = @now, updated_at = @now, exhausted_at = NULL
            WHERE tenant_id = @TenantId AND id = @campaignId
            """, new { move.To, reason, now, session.TenantId, campaignId }, ct);
        if (move.To == CampaignState.Stopped)
        {
            // Previews nobody dialed end with the campaign; the CRM ends every lease it still holds.
            await session.ExecuteAsync("""
                UPDATE campaign_dials SET status = 'cancelled', ended_at = @now
                WHERE tenant_id = @TenantId AND campaign_id = @campaignId AND status = 'previewing'
                """, new { now, session.TenantId, campaignId }, ct);
            await session.PublishAsync(new CampaignLeasesReleased(session.TenantId, campaignId, now), ct);
        }
        var view = (await CampaignView.ReadAsync(session, campaignId, ct))!;
        await session.CommitAsync(ct);
        return TypedResults.Ok(view);
    }

    private static async Task<bool> HasAgentsAsync(TenantSession session, Guid campaignId, CancellationToken ct) =>
        await session.QuerySingleOrDefaultAsync<bool>($"SELECT EXISTS (SELECT 1 FROM {CampaignAgents.OfCampaignSql} WHERE m.campaign_id = @campaignId)",
            new { campaignId }, ct);
}

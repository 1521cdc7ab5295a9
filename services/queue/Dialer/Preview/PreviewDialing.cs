using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Contracts.Dialer;
using Platform.Queue.Agents;
using Platform.Queue.Calls;
using Platform.Queue.Dialer.Campaigns;
using Platform.Queue.Dialer.Dialing;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.Queue.Dialer.Preview;

/// <summary>
/// Preview dialing: an agent of a running preview campaign asks for the next contact (checked and leased by the CRM
/// now), reads the card, then dials it (a dial_out with them reserved) or skips it with a reason (the lease ends).
/// </summary>
public static class PreviewDialing
{
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record PreviewRequest(Guid? AgentId);

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
    public sealed record SkipRequest(string? Reason);

    public sealed record DialView(Guid Id, Guid CampaignId, Guid ContactId, string Number, string? ContactName, string? TimeZone, string Mode,
        Guid? AgentId, string Status, string? Result, string? SkipReason, DateTime CreatedAt, DateTime? PlacedAt, DateTime? ResultAt);

    public static async Task<Results<Ok<DialView>, ProblemHttpResult>> NextPreview(
        Guid campaignId, PreviewRequest request, ClaimsPrincipal user, NpgsqlDataSource db, ContactLeasing leasing, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNowAsStored();
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var (agentId, problem) = await ActingAgent.ResolveAsync(session, user, request.AgentId, ct);
        if (problem is not null)
        {
            return problem;
        }
        if (await CampaignEditing.VisibleAsync(session, user, campaignId, ct) is not { } view)
        {
            return Problems.NotFound("Campaign", campaignId);
        }
        if (view.DialMode != "preview" || view.State != CampaignState.Running)
        {
            return CallConflict.Because("No contact to preview.", $"The campaign is {view.State} and dials {view.DialMode}; previews come from a running preview campaign.");
        }
        const string memberSql = $"SELECT EXISTS (SELECT 1 FROM {CampaignAgents.OfCampaignSql} WHERE m.campaign_id = @campaignId AND m.agent_id = @agentId)";
        if (!await session.QuerySingleOrDefaultAsync<bool>(memberSql, new { campaignId, agentId }, ct))
        {
            return CallConflict.Because("No contact to preview.", "The agent does not work this campaign.");
        }
        // One preview at a time per agent: asking again shows the one they have.
        if (await session.QuerySingleOrDefaultAsync<Guid?>("""
                SELECT id FROM campaign_dials WHERE tenant_id = @TenantId AND agent_id = @agentId AND status = 'previewing' LIMIT 1
                """, new { session.TenantId, agentId }, ct) is { } open)
        {
            return TypedResults.Ok((await ReadAsync(session, open, ct))!);
        }
        var campaign = (await CampaignRow.ReadAsync(session, campaignId, ct, CampaignRow.Locking.ForUpdate, withMembers: false))!;
        if (campaign.State != CampaignState.Running)
        {
            return CallConflict.Because("No contact to preview.", $"The campaign is {campaign.State}.");
        }
        var planUser = campaign.LeaseSource.DailyPlan
            ? await AgentUsers.OfAsync(session, agentId!.Value, ct)
            : null;
        var leased = await leasing.LeaseAsync(session.TenantId, campaign.LeaseSource, 1, now, ct, planUser);
        if (leased.Contacts.Length == 0)
        {
            return CallConflict.Because("No contact to preview.",
                $"No contact of the campaign may be called now ({leased.PassedOver} passed over: outside their window, resting, without consent or blocked).");
        }
        var dialId = Guid.CreateVersion7();
        if (!await DialPlacement.InsertAttemptAsync(session, dialId, campaignId, leased.Contacts[0], "preview", "previewing", agentId, now, ct))
        {
            return CallConflict.Because("No contact to preview.", "The contact the CRM gave is in another open attempt; ask again.");
        }
        await leasing.HoldAsync(session, campaignId, [leased.Contacts[0].ContactId], now, ct);
        var dial = (await ReadAsync(session, dialId, ct))!;
        await session.CommitAsync(ct);
        return TypedResults.Ok(dial);
    }

    public static async Task<Results<Ok<DialView>, ProblemHttpResult>> GetDial(Guid dialId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var dial = await ReadAsync(session, dialId, ct);
        if (dial is null || await CampaignEditing.VisibleAsync(session, user, dial.CampaignId, ct) is null
            || ActingAgent.ActsForSelfOnly(user) && await ActingAgent.CheckHolderAsync(session, user, dial.AgentId ?? Guid.Empty, ct) is not null)
        {
            return Problems.NotFound("Campaign dial", dialId);
        }
        await session.CommitAsync(ct);
        return TypedResults.Ok(dial);
    }

    public static async Task<Results<Ok<DialView>, ProblemHttpResult>> DialPreview(Guid dialId, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNowAsStored();
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var (dial, problem) = await LockOwnPreviewAsync(session, user, dialId, "dialed", ct);
        if (dial is null)
        {
            return problem!;
        }
        var available = await session.QuerySingleOrDefaultAsync<bool>("""
            SELECT state = 'available' AND NOT EXISTS (SELECT 1 FROM call_offers o WHERE o.tenant_id = a.tenant_id AND o.agent_id = a.id)
            FROM agents a WHERE a.tenant_id = @TenantId AND a.id = @AgentId FOR UPDATE
            """, new { session.TenantId, dial.AgentId }, ct);
        if (!available)
        {
            return CallConflict.Because("The contact cannot be dialed.", "The agent is not available (a call, an offer, wrap-up or a break); be available first.");
        }
        var campaign = (await session.QuerySingleOrDefaultAsync<(Guid QueueId, int RingSeconds)>(
            "SELECT queue_id, ring_seconds FROM campaigns WHERE tenant_id = @TenantId AND id = @CampaignId", new { session.TenantId, dial.CampaignId }, ct));
        await DialPlacement.DialWithAgentAsync(session, dialId, dial.ProjectId, campaign.QueueId, dial.CallerId, campaign.RingSeconds, "preview",
            dial.AgentId!.Value, now, ct);
        var view = (await ReadAsync(session, dialId, ct))!;
        await session.CommitAsync(ct);
        return TypedResults.Ok(view);
    }

    public static async Task<Results<Ok<DialView>, ValidationProblem, ProblemHttpResult>> SkipPreview(
        Guid dialId, SkipRequest request, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var reason = request.Reason?.Trim();
        if (reason is not { Length: > 0 and <= 200 } || reason.Any(char.IsControl))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["Why the contact is skipped: 1 to 200 printable characters."] },
                title: "The contact cannot be skipped.");
        }
        var now = clock.GetUtcNowAsStored();
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var (dial, problem) = await LockOwnPreviewAsync(session, user, dialId, "skipped", ct);
        if (dial is null)
        {
            return problem!;
        }
        await session.ExecuteAsync("""
            UPDATE campaign_dials SET status = 'skipped', skip_reason = @reason, ended_at = @now WHERE tenant_id = @TenantId AND id = @dialId
            """, new { session.TenantId, dialId, reason, now }, ct);
        await session.PublishAsync(new CampaignDialEnded(session.TenantId, dial.CampaignId, dialId, dial.ContactId, dial.ProjectId, "skipped", reason, now), ct);
        var view = (await ReadAsync(session, dialId, ct))!;
        await session.CommitAsync(ct);
        return TypedResults.Ok(view);
    }

    private static async Task<(DialConnection.LockedDial? Dial, ProblemHttpResult? Problem)> LockOwnPreviewAsync(
        TenantSession session, ClaimsPrincipal user, Guid dialId, string verb, CancellationToken ct)
    {
        var dial = await DialConnection.LockAsync(session, dialId, ct);
        if (dial is null || await CampaignEditing.VisibleAsync(session, user, dial.CampaignId, ct) is null)
        {
            return (null, Problems.NotFound("Campaign dial", dialId));
        }
        if (await ActingAgent.CheckHolderAsync(session, user, dial.AgentId ?? Guid.Empty, ct) is { } forbidden)
        {
            return (null, forbidden);
        }
        if (dial.Status != "previewing")
        {
            return (null, CallConflict.Because($"The contact cannot be {verb}.", $"The attempt is {dial.Status}; only a contact being previewed can be {verb}."));
        }
        return (dial, null);
    }

    private static Task<DialView?> ReadAsync(TenantSession session, Guid dialId, CancellationToken ct) =>
        session.QuerySingleOrDefaultAsync<DialView>("""
            SELECT id, campaign_id, contact_id, number, contact_name, time_zone, mode, agent_id, status, result, skip_reason, created_at, placed_at, result_at
            FROM campaign_dials WHERE tenant_id = @TenantId AND id = @dialId
            """, new { session.TenantId, dialId }, ct);
}

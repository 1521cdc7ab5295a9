using Npgsql;
using Platform.Queue.Agents;
using Platform.Queue.Dialer.Campaigns;
using Platform.Queue.Dialer.Pacing;
using Platform.Queue.Dispatch;
using Platform.ServiceDefaults.Database;

namespace Platform.Queue.Dialer.Dialing;

/// <summary>
/// One tick of one running campaign, in one transaction under the campaign's row lock (a campaign another replica paces
/// now is passed over): people answered and waiting are connected to free agents or dropped after 2 s, dials the PBX never
/// reported on are ended, then the pacer decides from a snapshot read here, the CRM leases that many contacts checked now,
/// and the dials are placed. A replica that dies mid-tick rolls the whole tick back: its leases were never confirmed as held, so they lapse in
/// <see cref="DialerOptions.PendingLeaseSeconds"/>.
/// </summary>
public sealed partial class CampaignTick(NpgsqlDataSource db, ContactLeasing leasing, Dispatcher dispatcher, DialerOptions options, TimeProvider clock,
    ILogger<CampaignTick> logger)
{
    public sealed record Outcome(bool Paced, int Placed, int Connected, int Dropped, PacingDecision? Decision);

    public async Task<Outcome> RunAsync(Guid tenantId, Guid campaignId, CancellationToken ct)
    {
        var now = clock.GetUtcNowAsStored();
        List<Guid> freedAgents = [];
        Outcome outcome;
        await using (var session = await db.BeginTenantSessionAsync(tenantId, ct))
        {
            var campaign = await CampaignRow.ReadAsync(session, campaignId, ct, CampaignRow.Locking.ForUpdateSkipLocked, withMembers: false);
            if (campaign is null)
            {
                return new Outcome(false, 0, 0, 0, null);
            }
            var (connected, dropped) = await SettleAnsweredAsync(session, campaign, now, ct);
            freedAgents = await EndUnreportedAsync(session, campaign, now, ct);
            var snapshot = await SnapshotReader.ReadAsync(session, campaign, options, now, ct);
            var decision = Pacer.Decide(snapshot);
            var placed = campaign.State == Campaigns.CampaignState.Running && decision.Dials > 0 && snapshot.Mode != DialMode.Preview
                ? await PlaceAsync(session, campaign, snapshot.Mode, Math.Min(decision.Dials, options.MaxDialsPerTick), now, ct)
                : 0;
            await session.ExecuteAsync("UPDATE campaigns SET last_tick_at = @now, last_paced_as = @pacedAs WHERE tenant_id = @TenantId AND id = @campaignId",
                new { now, pacedAs = decision.PacedAs.ToString().ToLowerInvariant(), session.TenantId, campaignId }, ct);
            await session.CommitAsync(ct);
            outcome = new Outcome(true, placed, connected, dropped, decision);
        }
        foreach (var agent in freedAgents)
        {
            await using var session = await db.BeginTenantSessionAsync(tenantId, ct);
            var queues = await Dispatcher.QueuesToServeAsync(session, agent, ct);
            await session.CommitAsync(ct);
            await dispatcher.DispatchQueuesAsync(tenantId, queues, ct);
        }
        return outcome;
    }

    /// <summary>People who answered and wait: the longest waiting first to each free agent; those past their 2 s are dropped.</summary>
    private static async Task<(int Connected, int Dropped)> SettleAnsweredAsync(TenantSession session, CampaignRow campaign, DateTimeOffset now, CancellationToken ct)
    {
        var waiting = (await session.QueryAsync<Guid>("""
            SELECT id FROM campaign_dials WHERE tenant_id = @TenantId AND campaign_id = @Id AND status = 'answered' ORDER BY result_at, id
            """, new { session.TenantId, campaign.Id }, ct)).ToList();
        if (waiting.Count == 0)
        {
            return (0, 0);
        }
        var agents = await DialPlacement.LockIdleAgentsAsync(session, campaign.Id, waiting.Count, ct);
        int connected = 0, dropped = 0;
        foreach (var dialId in waiting)
        {
            var dial = (await DialConnection.LockAsync(session, dialId, ct))!;
            if (connected < agents.Count)
            {
                await DialConnection.ConnectAsync(session, dial, agents[connected++], now, ct);
            }
            else if (await session.QuerySingleOrDefaultAsync<bool>("SELECT drop_at <= @now FROM campaign_dials WHERE tenant_id = @TenantId AND id = @dialId",
                         new { session.TenantId, dialId, now }, ct))
            {
                await DialConnection.DropAsync(session, dial, now, ct);
                dropped++;
            }
        }
        return (connected, dropped);
    }

    /// <summary>Dials the PBX has said nothing about long after their ring time end as failed, so no attempt is open forever.</summary>
    private async Task<List<Guid>> EndUnreportedAsync(TenantSession session, CampaignRow campaign, DateTimeOffset now, CancellationToken ct)
    {
        var stale = await session.QueryAsync<Guid>("""
            SELECT id FROM campaign_dials WHERE tenant_id = @TenantId AND campaign_id = @Id AND status = 'ringing' AND placed_at < @limit LIMIT 100
            """, new { session.TenantId, campaign.Id, limit = now.AddSeconds(-(campaign.RingSeconds + options.UnreportedGraceSeconds)) }, ct);
        var freed = new List<Guid>();
        foreach (var dialId in stale)
        {
            var dial = (await DialConnection.LockAsync(session, dialId, ct))!;
            if (await DialConnection.EndWithoutPersonAsync(session, dial, "failed", "no report from the PBX", now, ct) is { } agent)
            {
                freed.Add(agent);
            }
        }
        return freed;
    }

    private async Task<int> PlaceAsync(TenantSession session, CampaignRow campaign, DialMode mode, int wanted, DateTimeOffset now, CancellationToken ct)
    {
        List<Guid> agents = [];
        if (mode == DialMode.Progressive)
        {
            agents = await DialPlacement.LockIdleAgentsAsync(session, campaign.Id, wanted, ct);
            wanted = agents.Count;
        }
        if (wanted == 0 || campaign.ExhaustedAt is { } exhausted && now - exhausted < TimeSpan.FromSeconds(5))
        {
            return 0; // nobody to reserve, or the list had nothing dialable a moment ago: ask the CRM again in a few seconds
        }
        if (campaign.LeaseSource.DailyPlan)
        {
            return await PlacePlannedAsync(session, campaign, agents, now, ct);
        }
        var leased = await leasing.LeaseAsync(session.TenantId, campaign.LeaseSource, wanted, now, ct);
        if (leased.Contacts.Length == 0)
        {
            await MarkExhaustedAsync(session, campaign, now, ct);
            return 0;
        }
        var modeName = mode == DialMode.Progressive ? "progressive" : "predictive";
        var held = new List<Guid>(leased.Contacts.Length);
        var freeAgents = new Queue<Guid>(agents);
        foreach (var contact in leased.Contacts)
        {
            var dialId = Guid.CreateVersion7();
            if (!await DialPlacement.InsertAttemptAsync(session, dialId, campaign.Id, contact, modeName, mode == DialMode.Progressive ? "previewing" : "ringing", null, now, ct))
            {
                continue;
            }
            held.Add(contact.ContactId);
            if (mode == DialMode.Progressive)
            {
                await DialPlacement.DialWithAgentAsync(session, dialId, campaign.ProjectId, campaign.QueueId, campaign.CallerId, campaign.RingSeconds,
                    modeName, freeAgents.Dequeue(), now, ct);
            }
            else
            {
                await DialPlacement.DialAheadAsync(session, dialId, campaign.CallerId, campaign.RingSeconds, now, ct);
            }
        }
        await leasing.HoldAsync(session, campaign.Id, held, now, ct);
        LogPlaced(campaign.Id, held.Count, modeName);
        return held.Count;
    }

    /// <summary>
    /// A campaign over its agents' plans of the day (progressive: a plan campaign is never predictive): each free agent is
    /// dialed the next dialable contact of their own plan, so the person reaches the agent who planned them.
    /// </summary>
    private async Task<int> PlacePlannedAsync(TenantSession session, CampaignRow campaign, List<Guid> agents, DateTimeOffset now, CancellationToken ct)
    {
        var users = await AgentUsers.OfAsync(session, agents, ct);
        var held = new List<Guid>(agents.Count);
        foreach (var agentId in agents)
        {
            var leased = await leasing.LeaseAsync(session.TenantId, campaign.LeaseSource, 1, now, ct, users.GetValueOrDefault(agentId));
            var dialId = Guid.CreateVersion7();
            if (leased.Contacts is not [var contact]
                || !await DialPlacement.InsertAttemptAsync(session, dialId, campaign.Id, contact, "progressive", "previewing", null, now, ct))
            {
                continue;
            }
            await DialPlacement.DialWithAgentAsync(session, dialId, campaign.ProjectId, campaign.QueueId, campaign.CallerId, campaign.RingSeconds,
                "progressive", agentId, now, ct);
            held.Add(contact.ContactId);
        }
        if (held.Count == 0)
        {
            await MarkExhaustedAsync(session, campaign, now, ct);
        }
        await leasing.HoldAsync(session, campaign.Id, held, now, ct);
        LogPlaced(campaign.Id, held.Count, "progressive (plans of the day)");
        return held.Count;
    }

    private static Task MarkExhaustedAsync(TenantSession session, CampaignRow campaign, DateTimeOffset now, CancellationToken ct) =>
        session.ExecuteAsync("UPDATE campaigns SET exhausted_at = @now WHERE tenant_id = @TenantId AND id = @Id", new { now, session.TenantId, campaign.Id }, ct);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Campaign {CampaignId}: {Count} {Mode} dials placed")]
    private partial void LogPlaced(Guid campaignId, int count, string mode);
}

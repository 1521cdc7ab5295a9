using Platform.Contracts.Dialer;
using Platform.Contracts.Queue;
using Platform.Queue.Agents;
using Platform.Queue.Routing;
using Platform.Queue.Telephony;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.Queue.Dialer.Dialing;

/// <summary>What happens to an attempt after its dial: a person connected to an agent, a drop, or an end without a person.</summary>
public static class DialConnection
{
    public const string DropMessage = "drop";

    /// <summary>The attempt with its row locked.</summary>
    public sealed class LockedDial
    {
        public Guid Id { get; init; }
        public Guid CampaignId { get; init; }
        public Guid ProjectId { get; init; }
        public Guid QueueId { get; init; }
        public Guid ContactId { get; init; }
        public string CallerId { get; init; } = "";
        public string Mode { get; init; } = "";
        public Guid? AgentId { get; init; }
        public string Status { get; init; } = "";
        public string? Result { get; init; }
        public DateTime? PlacedAt { get; init; }
        public decimal AbandonCapPercent { get; init; }
    }

    public static Task<LockedDial?> LockAsync(TenantSession session, Guid dialId, CancellationToken ct) =>
        session.QuerySingleOrDefaultAsync<LockedDial>("""
            SELECT d.id, d.campaign_id, c.project_id, c.queue_id, d.contact_id, c.caller_id, d.mode, d.agent_id, d.status, d.result, d.placed_at,
                   c.abandon_cap_percent
            FROM campaign_dials d JOIN campaigns c ON c.tenant_id = d.tenant_id AND c.id = d.campaign_id
            WHERE d.tenant_id = @TenantId AND d.id = @dialId FOR UPDATE OF d
            """, new { session.TenantId, dialId }, ct);

    /// <summary>A person answered a dial whose agent was reserved: they talk (the PBX bridged them); the script opens.</summary>
    public static async Task ConnectReservedAsync(TenantSession session, LockedDial dial, string result, DateTimeOffset now, CancellationToken ct)
    {
        await session.ExecuteAsync("""
            UPDATE campaign_dials SET status = 'connected', result = @result, result_at = @now, connected_at = @now WHERE tenant_id = @TenantId AND id = @Id;
            UPDATE calls SET answered_at = @now, pbx_seen_at = @now, dial_result = @result WHERE tenant_id = @TenantId AND id = @Id;
            """, new { session.TenantId, dial.Id, result, now }, ct);
        await PublishAnsweredAsync(session, dial, dial.AgentId!.Value, now, ct);
        await PublishResultAsync(session, dial, "connected", dial.AgentId, now, ct);
    }

    /// <summary>
    /// A person who answered a predictive dial is connected to <paramref name="agentId"/> (locked as available): a call row of
    /// the attempt's id on a call with them, and the <c>bridge</c> of the parked leg to their device.
    /// </summary>
    public static async Task ConnectAsync(TenantSession session, LockedDial dial, Guid agentId, DateTimeOffset now, CancellationToken ct)
    {
        await session.ExecuteAsync($"""
            INSERT INTO calls (tenant_id, id, project_id, queue_id, first_queue_id, caller_number, dialled_number, contact_id, vip, status, agent_id,
                               arrived_at, enqueued_at, offered_at, answered_at, wait_seconds, pbx_seen_at, dial_result, campaign_id)
            SELECT d.tenant_id, d.id, @ProjectId, @QueueId, @QueueId, d.number, @CallerId, d.contact_id, false, 'on_call', @agentId,
                   COALESCE(d.result_at, @now), @now, @now, @now, extract(epoch FROM (@now - COALESCE(d.result_at, @now))), @now, d.result, d.campaign_id
            FROM campaign_dials d WHERE d.tenant_id = @TenantId AND d.id = @Id;
            UPDATE campaign_dials SET status = 'connected', agent_id = @agentId, connected_at = @now WHERE tenant_id = @TenantId AND id = @Id;
            INSERT INTO pbx_commands (tenant_id, command_id, call_id, kind, body, created_at)
            SELECT @TenantId, gen_random_uuid(), @Id, 'bridge',
                   jsonb_build_object('callId', @Id, 'externalId', NULL, 'agentId', a.id, 'device', {PbxCommands.DeviceJson}, 'purpose', 'predictive'), @now
            FROM agents a WHERE a.tenant_id = @TenantId AND a.id = @agentId;
            """, new { session.TenantId, dial.Id, dial.ProjectId, dial.QueueId, dial.CallerId, agentId, now }, ct);
        await AgentMoves.ApplyAsync(session, agentId, AgentCommand.Offer, now, ct, new AgentMoves.Options(CallId: dial.Id, Expected: AgentState.Available));
        await AgentMoves.ApplyAsync(session, agentId, AgentCommand.Accept, now, ct, new AgentMoves.Options(CallId: dial.Id, Expected: AgentState.Offered));
        await PublishAnsweredAsync(session, dial, agentId, now, ct);
        await PublishResultAsync(session, dial, "connected", agentId, now, ct);
    }

    /// <summary>No agent was connected in time: the PBX plays the drop message and hangs up; the CRM retries the contact by its rules.</summary>
    public static async Task DropAsync(TenantSession session, LockedDial dial, DateTimeOffset now, CancellationToken ct)
    {
        await session.ExecuteAsync("UPDATE campaign_dials SET status = 'dropped', ended_at = @now WHERE tenant_id = @TenantId AND id = @Id",
            new { session.TenantId, dial.Id, now }, ct);
        await PbxCommands.SendAsync(session, PbxCommands.Announce, dial.Id, new { callId = dial.Id, externalId = (string?)null, message = DropMessage }, now, ct);
        await PbxCommands.SendAsync(session, PbxCommands.EndCall, dial.Id,
            new { callId = dial.Id, externalId = (string?)null, reason = "no agent was free within 2 seconds (the drop message was played)" }, now, ct);
        await session.PublishAsync(new CampaignDialEnded(session.TenantId, dial.CampaignId, dial.Id, dial.ContactId, dial.ProjectId, "dropped", null, now), ct);
        await PublishResultAsync(session, dial, "dropped", null, now, ct);
    }

    /// <summary>
    /// The dial ended without a person: recorded, the CRM told (recycling, the lease ends), and a reserved agent is free again
    /// at once — their call row ends without wrap-up, as nobody talked. The agent freed, if any.
    /// </summary>
    public static async Task<Guid?> EndWithoutPersonAsync(TenantSession session, LockedDial dial, string result, string? reason, DateTimeOffset now, CancellationToken ct)
    {
        await session.ExecuteAsync("""
            UPDATE campaign_dials SET status = 'ended', result = @result, result_at = @now, ended_at = @now WHERE tenant_id = @TenantId AND id = @Id
            """, new { session.TenantId, dial.Id, result, now }, ct);
        await session.PublishAsync(new CampaignDialEnded(session.TenantId, dial.CampaignId, dial.Id, dial.ContactId, dial.ProjectId, result, reason, now), ct);
        await PublishResultAsync(session, dial, result, null, now, ct);
        if (dial.AgentId is not { } agentId)
        {
            return null;
        }
        var ended = await session.ExecuteAsync("""
            UPDATE calls SET status = 'completed', ended_at = @now, completed_at = @now, pbx_seen_at = @now, dial_result = @result,
                   end_reason = 'campaign dial: ' || replace(@result, '_', ' ')
            WHERE tenant_id = @TenantId AND id = @Id AND status = 'on_call'
            """, new { session.TenantId, dial.Id, result, now }, ct);
        if (ended == 0)
        {
            return null;
        }
        await AgentMoves.ApplyAsync(session, agentId, AgentCommand.HangUp, now, ct, new AgentMoves.Options(CallId: dial.Id, WrapUpUntil: now, Expected: AgentState.OnCall));
        await AgentMoves.ApplyAsync(session, agentId, AgentCommand.WrapUpDone, now, ct, new AgentMoves.Options(CallId: dial.Id, Expected: AgentState.WrapUp));
        return agentId;
    }

    /// <summary>Reporting's record of the dial's result (<see cref="CampaignDialResulted"/>), in the same transaction (outbox).</summary>
    private static Task PublishResultAsync(TenantSession session, LockedDial dial, string result, Guid? agentId, DateTimeOffset now, CancellationToken ct) =>
        session.PublishAsync(new CampaignDialResulted(session.TenantId, dial.CampaignId, dial.ProjectId, dial.Id, dial.ContactId, dial.Mode, result, agentId,
            (double)dial.AbandonCapPercent, now), ct);

    private static async Task PublishAnsweredAsync(TenantSession session, LockedDial dial, Guid agentId, DateTimeOffset now, CancellationToken ct)
    {
        var userId = await AgentUsers.OfAsync(session, agentId, ct);
        await session.PublishAsync(new CallAnswered(session.TenantId, dial.Id, dial.QueueId, dial.ProjectId, agentId, dial.ContactId, 0, now, userId,
            CampaignId: dial.CampaignId), ct);
    }
}

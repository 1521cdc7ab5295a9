using Platform.Contracts.Dialer;
using Platform.Queue.Agents;
using Platform.Queue.Dialer.Campaigns;
using Platform.Queue.Routing;
using Platform.Queue.Telephony;
using Platform.ServiceDefaults.Database;

namespace Platform.Queue.Dialer.Dialing;

/// <summary>
/// Places a campaign's dials in the caller's transaction: the attempt row, and the <c>dial_out</c> command to the PBX.
/// With an agent (preview, progressive) the agent is reserved for it — offered and on the call at once, on a call row of
/// the attempt's id — and the PBX bridges them when a person answers; without one (predictive) the PBX parks the answer.
/// </summary>
public static class DialPlacement
{
    /// <summary>Locks up to <paramref name="limit"/> of the campaign's idle agents, longest idle first; agents another transaction holds are passed over.</summary>
    public static async Task<List<Guid>> LockIdleAgentsAsync(TenantSession session, Guid campaignId, int limit, CancellationToken ct) =>
        (await session.QueryAsync<Guid>($"""
            SELECT a.id FROM agents a
            WHERE a.tenant_id = @TenantId AND a.state = 'available' AND a.device_registered IS DISTINCT FROM false
              AND a.id IN (SELECT m.agent_id FROM {CampaignAgents.OfCampaignSql} WHERE m.campaign_id = @campaignId)
              AND NOT EXISTS (SELECT 1 FROM call_offers o WHERE o.tenant_id = a.tenant_id AND o.agent_id = a.id)
            ORDER BY a.idle_since, a.id LIMIT @limit
            FOR UPDATE OF a SKIP LOCKED
            """, new { session.TenantId, campaignId, limit }, ct)).ToList();

    /// <summary>
    /// A new attempt on a leased contact: the row the dial (or the preview) is tracked by. False when the contact is in
    /// another open attempt already (a lease that lapsed before the CRM heard it was dialed): no second dial.
    /// </summary>
    public static async Task<bool> InsertAttemptAsync(TenantSession session, Guid dialId, Guid campaignId, DialableContact contact, string mode, string status,
        Guid? agentId, DateTimeOffset now, CancellationToken ct) =>
        await session.ExecuteAsync("""
            INSERT INTO campaign_dials (tenant_id, id, campaign_id, contact_id, number, contact_name, time_zone, mode, agent_id, status, created_at, placed_at)
            VALUES (@TenantId, @dialId, @campaignId, @ContactId, @Number, @Name, @TimeZone, @mode, @agentId, @status, @now,
                    CASE WHEN @status = 'ringing' THEN @now END)
            ON CONFLICT (tenant_id, contact_id) WHERE status IN ('previewing', 'ringing', 'answered') DO NOTHING
            """, new { session.TenantId, dialId, campaignId, contact.ContactId, contact.Number, contact.Name, contact.TimeZone, mode, agentId, status, now }, ct) == 1;

    /// <summary>
    /// The agent (locked as available) is reserved for the attempt: a call row of the attempt's id, on a call with them, and
    /// the dial_out that bridges them when a person answers.
    /// </summary>
    public static async Task DialWithAgentAsync(TenantSession session, Guid dialId, Guid projectId, Guid queueId, string callerId, int ringSeconds,
        string purpose, Guid agentId, DateTimeOffset now, CancellationToken ct)
    {
        await session.ExecuteAsync("""
            INSERT INTO calls (tenant_id, id, project_id, queue_id, first_queue_id, caller_number, dialled_number, contact_id, vip, status, agent_id,
                               arrived_at, enqueued_at, offered_at, answered_at, wait_seconds, pbx_seen_at, campaign_id)
            SELECT d.tenant_id, d.id, @projectId, @queueId, @queueId, d.number, @callerId, d.contact_id, false, 'on_call', @agentId,
                   @now, @now, @now, @now, 0, @now, d.campaign_id
            FROM campaign_dials d WHERE d.tenant_id = @TenantId AND d.id = @dialId;
            UPDATE campaign_dials SET status = 'ringing', agent_id = @agentId, placed_at = @now WHERE tenant_id = @TenantId AND id = @dialId;
            """, new { session.TenantId, dialId, projectId, queueId, callerId, agentId, now }, ct);
        await AgentMoves.ApplyAsync(session, agentId, AgentCommand.Offer, now, ct, new AgentMoves.Options(CallId: dialId, Expected: AgentState.Available));
        await AgentMoves.ApplyAsync(session, agentId, AgentCommand.Accept, now, ct, new AgentMoves.Options(CallId: dialId, Expected: AgentState.Offered));
        await SendDialOutAsync(session, dialId, callerId, ringSeconds, purpose, agentId, now, ct);
    }

    /// <summary>A predictive dial: no agent yet; the PBX parks the answered leg and reports the result.</summary>
    public static Task DialAheadAsync(TenantSession session, Guid dialId, string callerId, int ringSeconds, DateTimeOffset now, CancellationToken ct) =>
        SendDialOutAsync(session, dialId, callerId, ringSeconds, "predictive", null, now, ct);

    private static Task SendDialOutAsync(TenantSession session, Guid dialId, string callerId, int ringSeconds, string purpose, Guid? agentId,
        DateTimeOffset now, CancellationToken ct) =>
        session.ExecuteAsync($"""
            INSERT INTO pbx_commands (tenant_id, command_id, call_id, kind, body, created_at)
            SELECT d.tenant_id, gen_random_uuid(), d.id, 'dial_out',
                   jsonb_build_object('callId', d.id, 'externalId', NULL, 'agentId', a.id,
                                      'device', CASE WHEN a.id IS NULL THEN NULL ELSE {PbxCommands.DeviceJson} END,
                                      'number', d.number, 'callerId', @callerId::text, 'purpose', @purpose::text, 'campaignId', d.campaign_id,
                                      'contactId', d.contact_id, 'ringSeconds', @ringSeconds::int,
                                      'resultUrl', '/api/queue/calls/' || d.id || '/dial-result'), @now
            FROM campaign_dials d LEFT JOIN agents a ON a.tenant_id = d.tenant_id AND a.id = @agentId
            WHERE d.tenant_id = @TenantId AND d.id = @dialId
            """, new { session.TenantId, dialId, callerId, purpose, ringSeconds, agentId, now }, ct);
}

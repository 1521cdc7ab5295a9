using Platform.Queue.Dialer.Dialing;
using Platform.ServiceDefaults.Database;

namespace Platform.Queue.Dialer.Campaigns;

/// <summary>
/// A campaign's row as every reader reads it — the API's view (<see cref="CampaignView"/>), the dial loop's tick and a
/// preview (locked) — with its queue's default handle time: one SELECT, so the readers never disagree on a column.
/// </summary>
public sealed class CampaignRow
{
    public enum Locking { None, ForUpdate, ForUpdateSkipLocked }

    public Guid Id { get; init; }
    public Guid ProjectId { get; init; }
    public Guid QueueId { get; init; }
    public string Name { get; init; } = "";
    public string DialMode { get; init; } = "";
    public string CallerId { get; init; } = "";
    public string SourceKind { get; init; } = "";
    public string[] SourceStatuses { get; init; } = [];
    public bool SourceVipOnly { get; init; }
    public Guid? SourceCallListId { get; init; }
    public TimeOnly? HoursFrom { get; init; }
    public TimeOnly? HoursTo { get; init; }
    public decimal AbandonCapPercent { get; init; }
    public int RingSeconds { get; init; }
    public string State { get; init; } = "";
    public string? StateReason { get; init; }
    public DateTime StateSince { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public int DefaultHandleSeconds { get; init; }
    public DateTime? ExhaustedAt { get; init; }
    public string? LastPacedAs { get; init; }
    /// <summary>The agents named and the groups named (read with <c>withMembers</c> only; empty otherwise).</summary>
    public Guid[] AgentIds { get; init; } = [];
    public Guid[] GroupIds { get; init; } = [];

    public ContactLeasing.Source LeaseSource =>
        new(Id, ProjectId, SourceStatuses, SourceVipOnly, HoursFrom, HoursTo, SourceCallListId, SourceKind == CampaignDefinition.DailyPlan);

    private static string Select(bool withMembers) => $"""
        SELECT c.id, c.project_id, c.queue_id, c.name, c.dial_mode, c.caller_id, c.source_kind, c.source_statuses, c.source_vip_only, c.source_call_list_id,
               c.hours_from, c.hours_to, c.abandon_cap_percent, c.ring_seconds, c.state, c.state_reason, c.state_since, c.created_at, c.updated_at,
               q.default_handle_seconds, c.exhausted_at, c.last_paced_as
               {(withMembers ? """
                   , ARRAY(SELECT agent_id FROM campaign_agents a WHERE a.tenant_id = c.tenant_id AND a.campaign_id = c.id ORDER BY agent_id) AS agent_ids
                   , ARRAY(SELECT group_id FROM campaign_groups g WHERE g.tenant_id = c.tenant_id AND g.campaign_id = c.id ORDER BY group_id) AS group_ids
                   """ : "")}
        FROM campaigns c JOIN queues q ON q.tenant_id = c.tenant_id AND q.id = c.queue_id
        """;

    /// <summary>
    /// One campaign; locked for a tick (<see cref="Locking.ForUpdateSkipLocked"/>: a campaign another replica paces now is
    /// passed over, null) or for a preview (<see cref="Locking.ForUpdate"/>: waits for the tick).
    /// </summary>
    public static Task<CampaignRow?> ReadAsync(TenantSession session, Guid campaignId, CancellationToken ct, Locking locking = Locking.None, bool withMembers = true) =>
        session.QuerySingleOrDefaultAsync<CampaignRow>($"""
            {Select(withMembers)}
            WHERE c.tenant_id = @TenantId AND c.id = @campaignId
            {locking switch { Locking.ForUpdate => "FOR UPDATE OF c", Locking.ForUpdateSkipLocked => "FOR UPDATE OF c SKIP LOCKED", _ => "" }}
            """, new { session.TenantId, campaignId }, ct);

    /// <summary>The tenant's campaigns (of one project, or those an agent works when <paramref name="agentId"/> is given), newest first.</summary>
    public static async Task<IReadOnlyList<CampaignRow>> ListAsync(TenantSession session, Guid? projectId, Guid? agentId, CancellationToken ct) =>
        (await session.QueryAsync<CampaignRow>($"""
            {Select(withMembers: true)}
            WHERE c.tenant_id = @TenantId AND (@projectId::uuid IS NULL OR c.project_id = @projectId)
              AND (@agentId::uuid IS NULL OR c.id IN (SELECT campaign_id FROM {CampaignAgents.OfCampaignSql} WHERE m.agent_id = @agentId))
            ORDER BY c.created_at DESC, c.id LIMIT 500
            """, new { session.TenantId, projectId, agentId }, ct)).ToList();
}

using Platform.ServiceDefaults.Database;

namespace Platform.Queue.Dialer.Campaigns;

/// <summary>A campaign as the API shows it.</summary>
public sealed record CampaignView(
    Guid Id, Guid ProjectId, Guid QueueId, string Name, string DialMode, string CallerId, CampaignSource Source, Guid[] AgentIds, Guid[] GroupIds,
    CampaignHours? Hours, double AbandonCapPercent, int RingSeconds, string State, string? StateReason, DateTime StateSince,
    DateTime CreatedAt, DateTime UpdatedAt)
{
    private sealed class Row
    {
        public Guid Id { get; init; }
        public Guid ProjectId { get; init; }
        public Guid QueueId { get; init; }
        public string Name { get; init; } = "";
        public string DialMode { get; init; } = "";
        public string CallerId { get; init; } = "";
        public string SourceKind { get; init; } = "";
        public string[] SourceStatuses { get; init; } = [];
        public bool SourceVipOnly { get; init; }
        public TimeOnly? HoursFrom { get; init; }
        public TimeOnly? HoursTo { get; init; }
        public decimal AbandonCapPercent { get; init; }
        public int RingSeconds { get; init; }
        public string State { get; init; } = "";
        public string? StateReason { get; init; }
        public DateTime StateSince { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime UpdatedAt { get; init; }
        public Guid[] AgentIds { get; init; } = [];
        public Guid[] GroupIds { get; init; } = [];
    }

    private const string Select = """
        SELECT c.id, c.project_id, c.queue_id, c.name, c.dial_mode, c.caller_id, c.source_kind, c.source_statuses, c.source_vip_only,
               c.hours_from, c.hours_to, c.abandon_cap_percent, c.ring_seconds, c.state, c.state_reason, c.state_since, c.created_at, c.updated_at,
               ARRAY(SELECT agent_id FROM campaign_agents a WHERE a.tenant_id = c.tenant_id AND a.campaign_id = c.id ORDER BY agent_id) AS agent_ids,
               ARRAY(SELECT group_id FROM campaign_groups g WHERE g.tenant_id = c.tenant_id AND g.campaign_id = c.id ORDER BY group_id) AS group_ids
        FROM campaigns c
        """;

    public static async Task<CampaignView?> ReadAsync(TenantSession session, Guid campaignId, CancellationToken ct) =>
        (await session.QuerySingleOrDefaultAsync<Row>($"{Select} WHERE c.tenant_id = @TenantId AND c.id = @campaignId", new { session.TenantId, campaignId }, ct)) is { } row
            ? From(row) : null;

    /// <summary>The tenant's campaigns (of one project, or those an agent works when <paramref name="agentId"/> is given), newest first.</summary>
    public static async Task<CampaignView[]> ListAsync(TenantSession session, Guid? projectId, Guid? agentId, CancellationToken ct) =>
        (await session.QueryAsync<Row>($"""
            {Select} WHERE c.tenant_id = @TenantId AND (@projectId::uuid IS NULL OR c.project_id = @projectId)
              AND (@agentId::uuid IS NULL OR c.id IN (SELECT campaign_id FROM {CampaignAgents.OfCampaignSql} WHERE m.agent_id = @agentId))
            ORDER BY c.created_at DESC, c.id LIMIT 500
            """, new { session.TenantId, projectId, agentId }, ct)).Select(From).ToArray();

    private static CampaignView From(Row r) => new(r.Id, r.ProjectId, r.QueueId, r.Name, r.DialMode, r.CallerId,
        new CampaignSource(r.SourceKind, r.SourceStatuses, r.SourceVipOnly), r.AgentIds, r.GroupIds,
        r.HoursFrom is { } from && r.HoursTo is { } to ? new CampaignHours(from, to) : null,
        (double)r.AbandonCapPercent, r.RingSeconds, r.State, r.StateReason, r.StateSince, r.CreatedAt, r.UpdatedAt);
}

using Platform.ServiceDefaults.Database;

namespace Platform.Queue.Dialer.Campaigns;

/// <summary>A campaign as the API shows it (read as <see cref="CampaignRow"/>, as the dial loop reads it).</summary>
public sealed record CampaignView(
    Guid Id, Guid ProjectId, Guid QueueId, string Name, string DialMode, string CallerId, CampaignSource Source, Guid[] AgentIds, Guid[] GroupIds,
    CampaignHours? Hours, double AbandonCapPercent, int RingSeconds, string State, string? StateReason, DateTime StateSince,
    DateTime CreatedAt, DateTime UpdatedAt)
{
    public static async Task<CampaignView?> ReadAsync(TenantSession session, Guid campaignId, CancellationToken ct) =>
        await CampaignRow.ReadAsync(session, campaignId, ct) is { } row ? From(row) : null;

    /// <summary>The tenant's campaigns (of one project, or those an agent works when <paramref name="agentId"/> is given), newest first.</summary>
    public static async Task<CampaignView[]> ListAsync(TenantSession session, Guid? projectId, Guid? agentId, CancellationToken ct) =>
        (await CampaignRow.ListAsync(session, projectId, agentId, ct)).Select(From).ToArray();

    private static CampaignView From(CampaignRow r) => new(r.Id, r.ProjectId, r.QueueId, r.Name, r.DialMode, r.CallerId,
        new CampaignSource(r.SourceKind, r.SourceStatuses, r.SourceVipOnly, r.SourceCallListId), r.AgentIds, r.GroupIds,
        r.HoursFrom is { } from && r.HoursTo is { } to ? new CampaignHours(from, to) : null,
        (double)r.AbandonCapPercent, r.RingSeconds, r.State, r.StateReason, r.StateSince, r.CreatedAt, r.UpdatedAt);
}

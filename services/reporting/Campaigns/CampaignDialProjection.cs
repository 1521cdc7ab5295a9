using Platform.Contracts.Dialer;
using Platform.ServiceDefaults.Database;

namespace Platform.Reporting.Campaigns;

/// <summary>A campaign dial's result, as a row of <c>campaign_dials</c> (once per dial: the same dial twice changes nothing).</summary>
public static class CampaignDialProjection
{
    public static Task ResultedAsync(TenantSession session, CampaignDialResulted e, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO campaign_dials (tenant_id, dial_id, campaign_id, project_id, contact_id, mode, result, agent_id, abandon_cap_percent, at)
            VALUES (@TenantId, @DialId, @CampaignId, @ProjectId, @ContactId, @Mode, @Result, @AgentId, @AbandonCapPercent, @At)
            ON CONFLICT DO NOTHING
            """;
        return session.ExecuteAsync(sql, new { session.TenantId, e.DialId, e.CampaignId, e.ProjectId, e.ContactId, e.Mode, e.Result, e.AgentId,
            AbandonCapPercent = (decimal)e.AbandonCapPercent, e.At }, ct);
    }
}

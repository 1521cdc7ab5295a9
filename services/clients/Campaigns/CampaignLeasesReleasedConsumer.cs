using Npgsql;
using Platform.Contracts.Dialer;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Inbox;

namespace Platform.Clients.Campaigns;

/// <summary>A campaign stopped: every lease it holds ends, so its contacts are free for plans and other campaigns.</summary>
public sealed class CampaignLeasesReleasedConsumer(NpgsqlDataSource db) : InboxConsumer<CampaignLeasesReleased>(db)
{
    protected override Task HandleAsync(CampaignLeasesReleased message, TenantSession session, CancellationToken ct) =>
        session.ExecuteAsync("DELETE FROM contact_leases WHERE tenant_id = @TenantId AND campaign_id = @CampaignId",
            new { session.TenantId, message.CampaignId }, ct);
}

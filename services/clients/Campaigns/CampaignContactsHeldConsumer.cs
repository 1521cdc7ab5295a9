using Npgsql;
using Platform.Contracts.Dialer;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Inbox;

namespace Platform.Clients.Campaigns;

/// <summary>
/// The dialer committed dials on contacts the campaign leased: their leases are lengthened to the dialer's hold. Only a
/// lease the campaign still has is touched — one its dial's end or outcome already released stays released (the two
/// messages are not ordered), and one another holder took after it lapsed stays theirs.
/// </summary>
public sealed class CampaignContactsHeldConsumer(NpgsqlDataSource db) : InboxConsumer<CampaignContactsHeld>(db)
{
    protected override Task HandleAsync(CampaignContactsHeld message, TenantSession session, CancellationToken ct) =>
        session.ExecuteAsync("""
            UPDATE contact_leases SET leased_until = @HeldUntil
            WHERE tenant_id = @TenantId AND campaign_id = @CampaignId AND contact_id = ANY(@ContactIds)
            """, new { session.TenantId, message.CampaignId, message.ContactIds, message.HeldUntil }, ct);
}

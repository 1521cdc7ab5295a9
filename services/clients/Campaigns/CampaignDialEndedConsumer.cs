using Npgsql;
using Platform.Clients.Recycling;
using Platform.Contracts.Dialer;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Inbox;

namespace Platform.Clients.Campaigns;

/// <summary>
/// A campaign's dial ended without an agent's outcome: the result is recorded on the contact (as an outcome by the
/// dialer, agent id empty), the recycling rules set its rest or close it, and the campaign's lease ends. A preview
/// skipped only ends the lease. Once per message (inbox).
/// </summary>
public sealed class CampaignDialEndedConsumer(NpgsqlDataSource db) : InboxConsumer<CampaignDialEnded>(db)
{
    protected override async Task HandleAsync(CampaignDialEnded message, TenantSession session, CancellationToken ct)
    {
        var mapping = DialResultOutcome.Of(message.Result);
        if (mapping.Category is not { } category)
        {
            await session.ExecuteAsync("DELETE FROM contact_leases WHERE tenant_id = @TenantId AND contact_id = @ContactId AND campaign_id = @CampaignId",
                new { session.TenantId, message.ContactId, message.CampaignId }, ct);
            return;
        }
        var inserted = await session.ExecuteAsync("""
            INSERT INTO call_outcomes (tenant_id, id, contact_id, disposition_code, category, notes, agent_id, call_id, recorded_at)
            SELECT @TenantId, @DialId, c.id, @Result, @Category, @Notes, '00000000-0000-0000-0000-000000000000', @DialId, @At
            FROM contacts c WHERE c.tenant_id = @TenantId AND c.id = @ContactId AND c.erased_at IS NULL
            """, new { session.TenantId, message.DialId, message.ContactId, message.Result, Category = SnakeCase.Of(category),
                Notes = message.Reason is null ? "campaign dial" : $"campaign dial: {message.Reason}", message.At }, ct);
        if (inserted == 0)
        {
            return; // the contact was erased meanwhile
        }
        await Recycle.AfterOutcomeAsync(session, message.ContactId, message.ProjectId, null, message.At, ct);
        if (mapping.ClosesBecause is { } reason)
        {
            await session.ExecuteAsync("UPDATE contacts SET closed_reason = @reason, next_contact_at = NULL WHERE tenant_id = @TenantId AND id = @ContactId",
                new { reason, session.TenantId, message.ContactId }, ct);
        }
    }
}

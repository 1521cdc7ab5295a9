using MassTransit;
using Platform.Contracts.Dialer;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.Queue.Dialer.Dialing;

/// <summary>
/// Asks the CRM to lease the next dialable contacts of a campaign, checked at this moment (a RabbitMQ request with a
/// timeout: the CRM is the authority on who may be called, and no user waits on the dial loop). The lease is granted for
/// <see cref="DialerOptions.PendingLeaseSeconds"/> and lengthened by <see cref="HoldAsync"/> in the transaction that
/// places the dials, so a lease nobody placed a dial on lapses soon.
/// </summary>
public sealed class ContactLeasing(IBus bus, DialerOptions options)
{
    /// <param name="DailyPlan">The campaign dials its agents' plans of the day: each lease is for one agent's plan.</param>
    public sealed record Source(Guid CampaignId, Guid ProjectId, string[] Statuses, bool VipOnly, TimeOnly? HoursFrom, TimeOnly? HoursTo, Guid? CallListId = null,
        bool DailyPlan = false);

    /// <param name="planUserId">For a <see cref="Source.DailyPlan"/> campaign: the user of the agent dialed for, whose plan the contacts come from.</param>
    public async Task<DialableContactsLeased> LeaseAsync(Guid tenantId, Source source, int count, DateTimeOffset now, CancellationToken ct, Guid? planUserId = null)
    {
        if (source.DailyPlan && planUserId is null)
        {
            return new DialableContactsLeased(tenantId, source.CampaignId, [], 0); // an agent who signs in as nobody has no plan
        }
        var client = bus.CreateRequestClient<LeaseDialableContacts>(RequestTimeout.After(s: options.LeaseTimeoutSeconds));
        var response = await client.GetResponse<DialableContactsLeased>(new LeaseDialableContacts(
            tenantId, source.CampaignId, source.ProjectId, count, source.Statuses, source.VipOnly, source.HoursFrom, source.HoursTo,
            now.AddSeconds(options.PendingLeaseSeconds), source.CallListId, source.DailyPlan ? [planUserId!.Value] : null), ct);
        return response.Message;
    }

    /// <summary>The contacts now dialed (or previewed) stay the campaign's until their outcome or <see cref="DialerOptions.LeaseMinutes"/>.</summary>
    public Task HoldAsync(TenantSession session, Guid campaignId, IReadOnlyCollection<Guid> contactIds, DateTimeOffset now, CancellationToken ct) =>
        contactIds.Count == 0 ? Task.CompletedTask
            : session.PublishAsync(new CampaignContactsHeld(session.TenantId, campaignId, [.. contactIds], now.AddMinutes(options.LeaseMinutes)), ct);
}

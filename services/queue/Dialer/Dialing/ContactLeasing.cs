using MassTransit;
using Platform.Contracts.Dialer;

namespace Platform.Queue.Dialer.Dialing;

/// <summary>
/// Asks the CRM to lease the next dialable contacts of a campaign, checked at this moment (a RabbitMQ request with a
/// timeout: the CRM is the authority on who may be called, and no user waits on the dial loop).
/// </summary>
public sealed class ContactLeasing(IBus bus, DialerOptions options)
{
    public sealed record Source(Guid CampaignId, Guid ProjectId, string[] Statuses, bool VipOnly, TimeOnly? HoursFrom, TimeOnly? HoursTo);

    public async Task<DialableContactsLeased> LeaseAsync(Guid tenantId, Source source, int count, DateTimeOffset now, CancellationToken ct)
    {
        var client = bus.CreateRequestClient<LeaseDialableContacts>(RequestTimeout.After(s: options.LeaseTimeoutSeconds));
        var response = await client.GetResponse<DialableContactsLeased>(new LeaseDialableContacts(
            tenantId, source.CampaignId, source.ProjectId, count, source.Statuses, source.VipOnly, source.HoursFrom, source.HoursTo,
            now.AddMinutes(options.LeaseMinutes)), ct);
        return response.Message;
    }
}

namespace Platform.Contracts.Dialer;

/// <summary>
/// The CRM's answer to <see cref="LeaseDialableContacts"/>: the contacts now leased to the campaign (number in E.164,
/// zone, name), and how many it looked at and passed over for a reason at this moment.
/// </summary>
public sealed record DialableContactsLeased(Guid TenantId, Guid CampaignId, DialableContact[] Contacts, int PassedOver) : ITenantEvent;

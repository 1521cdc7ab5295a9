namespace Platform.Contracts.Dialer;

/// <summary>
/// The dialer placed (or began previewing) these leased contacts in a committed transaction: the CRM holds them for the
/// campaign until <see cref="HeldUntil"/> or their outcome. A lease is granted short (<see cref="LeaseDialableContacts.LeasedUntil"/>)
/// and only this message lengthens it, so a lease whose answer the dialer never read (a timeout, a tick rolled back, a
/// replica gone) lapses in minutes instead of hiding the contact for hours.
/// </summary>
public sealed record CampaignContactsHeld(Guid TenantId, Guid CampaignId, Guid[] ContactIds, DateTimeOffset HeldUntil) : ITenantEvent;

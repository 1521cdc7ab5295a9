namespace Platform.Contracts.Dialer;

/// <summary>
/// The dialer asks the CRM (a request; the answer is <see cref="DialableContactsLeased"/>) for up to <see cref="Count"/>
/// contacts of a campaign's list that may be called at this moment — do-not-call and suppression, consent, the contact's
/// local calling window inside the client company's calendar and the campaign's hours, attempts left — and leases them
/// to the campaign until <see cref="LeasedUntil"/> or their outcome.
/// </summary>
/// <param name="Statuses">The lifecycle statuses the campaign's search keeps (empty: every callable status).</param>
/// <param name="HoursFrom">The campaign's hours in the contact's local time (null: the calendar alone).</param>
/// <param name="CallListId">A campaign over one call list: only the contacts that import created (null: the whole project).</param>
/// <param name="PlanUserIds">A campaign over its agents' plans of the day: only the contacts on the latest plan these users
/// (the agent dialed for) drew for today, their own plan's hold and personal callbacks no obstacle (null: no plan).</param>
public sealed record LeaseDialableContacts(
    Guid TenantId, Guid CampaignId, Guid ProjectId, int Count, string[] Statuses, bool VipOnly,
    TimeOnly? HoursFrom, TimeOnly? HoursTo, DateTimeOffset LeasedUntil, Guid? CallListId = null, Guid[]? PlanUserIds = null) : ITenantEvent;

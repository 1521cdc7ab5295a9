namespace Platform.Contracts.Dialer;

/// <summary>
/// The dialer asks the CRM (a request; the answer is <see cref="CampaignContactsCounted"/>) how many contacts of a
/// campaign's source can still be dialed today, and why the others cannot — judged by the same dial-time check as
/// <see cref="LeaseDialableContacts"/>, nothing leased.
/// </summary>
/// <param name="Statuses">The lifecycle statuses the campaign's search keeps (empty: every callable status).</param>
/// <param name="HoursFrom">The campaign's hours in the contact's local time (null: the calendar alone).</param>
/// <param name="CallListId">A campaign over one call list: only the contacts that import created (null: the whole project).</param>
/// <param name="PlanUserIds">A campaign over its agents' plans of the day: the users its agents sign in as (null: no plan).</param>
public sealed record CountCampaignContacts(
    Guid TenantId, Guid CampaignId, Guid ProjectId, string[] Statuses, bool VipOnly, TimeOnly? HoursFrom, TimeOnly? HoursTo,
    Guid? CallListId = null, Guid[]? PlanUserIds = null) : ITenantEvent;

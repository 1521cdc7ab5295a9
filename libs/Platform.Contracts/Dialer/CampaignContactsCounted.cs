namespace Platform.Contracts.Dialer;

/// <summary>
/// The CRM's answer to <see cref="CountCampaignContacts"/>: the contacts of the campaign's source, those dialable now and
/// later today (in each contact's own day), and the others by the first reason that keeps them from being dialed today.
/// Every contact of the source is counted once: <see cref="InSource"/> is the sum of the others.
/// </summary>
/// <param name="DoNotCall">Do not call: the contact's status, its number on the do-not-call list or a suppression list.</param>
/// <param name="NoConsent">No consent to data processing or to calls holding now (none, withdrawn, expired).</param>
/// <param name="OutsideWindow">The client company's calendar or the campaign's hours do not open again today in the contact's local time.</param>
/// <param name="AttemptsUsedUp">Closed by the recycling rules: the project's maximum of attempts reached.</param>
/// <param name="RecycledForLater">Resting after an attempt or a decision, or a next contact agreed, until after today.</param>
/// <param name="Closed">Closed for another reason (a fax line, a number that does not exist).</param>
/// <param name="Held">Leased now (to this or another campaign, or an agent's plan), or another agent's personal callback.</param>
public sealed record CampaignContactsCounted(
    Guid TenantId, Guid CampaignId, int InSource, int DialableNow, int DialableLaterToday,
    int DoNotCall, int NoConsent, int OutsideWindow, int AttemptsUsedUp, int RecycledForLater, int Closed, int Held,
    bool Truncated = false) : ITenantEvent;

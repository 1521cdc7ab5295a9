using NodaTime;
using Platform.Clients.Calendar;
using Platform.Clients.Consent;
using Platform.Clients.Lifecycle;
using Platform.Clients.Recycling;

namespace Platform.Clients.Campaigns;

/// <summary>
/// The one check every campaign dial passes at the moment it is leased (not when the list was made): the platform's
/// "may I call now" (<see cref="CallingPermission"/>: do-not-call, suppression, consent, the client company's calendar in
/// each of the contact's zones, with the public holidays of the contact's own country), the campaign's own hours in the contact's local time, the next contact date, and the
/// recycling rules (attempts left, the rest after the last attempt). Plain C#, no I/O.
/// </summary>
public static class DialTimeCheck
{
    /// <param name="Zones">The contact's zone first, then the other zones its number may be in.</param>
    /// <param name="NumberBlocks">The do-not-call list and the suppression lists holding the number, each named.</param>
    /// <param name="Country">The contact's own country (the number's region): its public holidays apply too.</param>
    public sealed record Candidate(ContactStatus Status, IReadOnlyCollection<ConsentState> Consents, IReadOnlyList<DateTimeZone> Zones,
        IReadOnlyCollection<string> NumberBlocks, Instant? NextContactAt, IReadOnlyList<RecyclingRules.Attempt> Attempts, string? Country = null);

    /// <summary>The campaign's hours in the contact's local time; null: the calendar alone.</summary>
    public sealed record Hours(LocalTime From, LocalTime To);

    public sealed record Verdict(bool MayDial, IReadOnlyList<string> Reasons);

    public static Verdict Check(Candidate contact, BusinessCalendar calendar, Hours? hours, RecyclingRules rules, Instant now)
    {
        var zone = contact.Zones[0];
        var reasons = CallingPermission.Check(contact.Status, contact.Consents, calendar.ForContact(contact.Country), zone, now, contact.NumberBlocks, contact.Zones.Skip(1).ToList())
            .Reasons.ToList();
        if (hours is not null)
        {
            foreach (var z in contact.Zones.DistinctBy(z => z.Id))
            {
                var local = now.InZone(z).TimeOfDay;
                if (local < hours.From || local >= hours.To)
                {
                    reasons.Add($"outside the campaign's hours {hours.From:HH':'mm}–{hours.To:HH':'mm} ({local:HH':'mm} in {z.Id})");
                }
            }
        }
        if (contact.NextContactAt is { } next && next > now)
        {
            reasons.Add($"the next contact is due at {next}");
        }
        var recycling = rules.Judge(contact.Attempts, zone, now);
        if (recycling.ClosedBecause is { } closed)
        {
            reasons.Add(closed);
        }
        else if (recycling.EligibleFrom is { } rest && rest > now)
        {
            reasons.Add($"resting after its last attempt until {rest}");
        }
        return new Verdict(reasons.Count == 0, reasons);
    }
}

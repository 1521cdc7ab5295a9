using NodaTime;
using Platform.Clients.Calendar;
using Platform.Clients.Consent;
using Platform.Clients.Lifecycle;
using Platform.Clients.Recycling;

namespace Platform.Clients.Campaigns;

/// <summary>
/// Where one contact of a campaign's source stands today: dialable now, dialable later today (the first moment the dial-time
/// check passes before the end of the contact's own day), or the first reason it cannot be dialed today. Plain C#, no I/O;
/// the verdict "now" and "later today" is <see cref="DialTimeCheck"/>'s own, so the count never disagrees with the dialer.
/// </summary>
public static class ContactsLeft
{
    public enum Standing { DialableNow, DialableLaterToday, DoNotCall, NoConsent, OutsideWindow, AttemptsUsedUp, RecycledForLater, Closed, Held }

    /// <param name="ClosedInCrm">The contact carries a closing reason (the recycling limit, a fax line, a number that does not exist).</param>
    /// <param name="Held">Leased now, or another agent's personal callback.</param>
    public sealed record Contact(DialTimeCheck.Candidate Facts, bool ClosedInCrm, bool Held);

    public static Standing Judge(Contact contact, BusinessCalendar calendar, DialTimeCheck.Hours? hours, RecyclingRules rules, Instant now)
    {
        var facts = contact.Facts;
        var zone = facts.Zones[0];
        var recycling = rules.Judge(facts.Attempts, zone, now);
        if (contact.ClosedInCrm || recycling.ClosedBecause is not null)
        {
            return recycling.ClosedBecause is not null ? Standing.AttemptsUsedUp : Standing.Closed;
        }
        if (facts.Status == ContactStatus.DoNotCall || facts.NumberBlocks.Count > 0)
        {
            return Standing.DoNotCall;
        }
        if (new[] { ConsentPurpose.DataProcessing, ConsentPurpose.Calls }
            .Any(purpose => facts.Consents.Where(c => c.Purpose == purpose).MaxBy(c => c.At) is not { } latest || !latest.HoldsAt(now)))
        {
            return Standing.NoConsent;
        }
        if (contact.Held)
        {
            return Standing.Held;
        }
        if (DialTimeCheck.Check(facts, calendar, hours, rules, now).MayDial)
        {
            return Standing.DialableNow;
        }
        var endOfDay = now.InZone(zone).Date.PlusDays(1).AtStartOfDayInZone(zone).ToInstant();
        if (FirstDialableBefore(facts, calendar, hours, rules, now, endOfDay) is not null)
        {
            return Standing.DialableLaterToday;
        }
        var waitsUntil = new[] { recycling.EligibleFrom, facts.NextContactAt }.Max();
        return waitsUntil is { } until && until >= endOfDay ? Standing.RecycledForLater : Standing.OutsideWindow;
    }

    /// <summary>
    /// The first instant in (<paramref name="now"/>, <paramref name="end"/>) at which the check passes, or null. Every rule
    /// that can start to allow a dial later starts at a known instant (an opening, the end of lunch, the campaign's hours,
    /// the end of a rest, the next contact date, a new local day), and none becomes true in between: the first allowed
    /// instant, if any, is one of those.
    /// </summary>
    public static Instant? FirstDialableBefore(DialTimeCheck.Candidate facts, BusinessCalendar calendar, DialTimeCheck.Hours? hours, RecyclingRules rules,
        Instant now, Instant end)
    {
        var starts = new List<Instant>();
        if (rules.Judge(facts.Attempts, facts.Zones[0], now).EligibleFrom is { } eligible)
        {
            starts.Add(eligible);
        }
        if (facts.NextContactAt is { } next)
        {
            starts.Add(next);
        }
        foreach (var zone in facts.Zones)
        {
            var first = now.InZone(zone).Date;
            for (var date = first; date <= end.InZone(zone).Date; date = date.PlusDays(1))
            {
                starts.Add(date.AtStartOfDayInZone(zone).ToInstant());
                var times = calendar.OpenIntervals(date).Select(i => i.From).ToList();
                if (hours is not null)
                {
                    times.Add(hours.From);
                }
                starts.AddRange(times.Select(t => date.At(t).InZoneLeniently(zone).ToInstant()));
            }
        }
        return starts.Where(t => t > now && t < end).Distinct().Order()
            .Cast<Instant?>().FirstOrDefault(t => DialTimeCheck.Check(facts, calendar, hours, rules, t!.Value).MayDial);
    }
}

using NodaTime;
using Platform.Clients.Calendar;
using Platform.Clients.Lifecycle;

namespace Platform.Clients.Plan;

/// <summary>
/// The agent's plan of the day (shared/domain.md, "The agent's day"): the contacts due on a date, callable that day in
/// their own local time within the client company's hours, lunch cut out, weekends and holidays skipped; ordered hot
/// potential clients and open complaints first, then callbacks due at their time, then the rest by next contact date (never-called last).
/// A personal callback appears only in its agent's plan.
/// </summary>
public static class DailyPlan
{
    /// <summary>Why a contact is in the plan; the first two share the first place.</summary>
    public enum Reason { HotPotential, OpenComplaint, CallbackDue, Due, FirstCall }

    /// <param name="WindowsUtc">When the contact may be called that day, as instants (from the contact's local hours).</param>
    public sealed record Entry(PlanCandidate Contact, Reason Why, IReadOnlyList<Interval> WindowsUtc, LocalDate ContactDate);

    public static IReadOnlyList<Entry> Draw(IEnumerable<PlanCandidate> candidates, Func<Guid, BusinessCalendar> calendarOf,
        Guid agentId, LocalDate date, int limit)
    {
        var entries = new List<Entry>();
        foreach (var candidate in candidates)
        {
            if (candidate.CallbackAgentId is { } owner && owner != agentId)
            {
                continue; // another agent's personal callback
            }
            // The plan's date is the contact's own date: their calendar hours, the company's holidays and their own country's.
            var calendar = calendarOf(candidate.ProjectId).ForContact(candidate.Country);
            IEnumerable<Interval> WindowsIn(DateTimeZone zone) => calendar.OpenIntervals(date)
                .Select(w => new Interval(date.At(w.From).InZoneLeniently(zone).ToInstant(), date.At(w.To).InZoneLeniently(zone).ToInstant()));
            // A number that may be in any of several zones: only while the calendar is open in all of them.
            var open = (candidate.OtherZones ?? []).Where(z => z.Id != candidate.Zone.Id)
                .Aggregate(WindowsIn(candidate.Zone).ToList(), (acc, zone) => Intersect(acc, WindowsIn(zone).ToList()));
            var windows = open
                .Where(w => candidate.NextContactAt is not { } due || due < w.End)
                .ToList();
            if (windows.Count == 0)
            {
                continue; // closed that day where they are, or due only after the day's last window
            }
            var dayEnd = windows[^1].End;
            if (candidate.NextContactAt is { } next && next >= dayEnd)
            {
                continue; // not due yet
            }
            entries.Add(new Entry(candidate, ReasonOf(candidate, date), windows, date));
        }
        return entries
            .OrderBy(e => e.Why is Reason.OpenComplaint ? Reason.HotPotential : e.Why)
            .ThenBy(e => e.Contact.NextContactAt ?? Instant.MaxValue)
            .ThenByDescending(e => e.Contact.Vip)
            .ThenBy(e => e.Contact.ContactId)
            .Take(limit)
            .ToList();
    }

    /// <summary>The instants inside both lists of intervals (each list ordered, no overlaps).</summary>
    public static List<Interval> Intersect(IReadOnlyList<Interval> a, IReadOnlyList<Interval> b)
    {
        var both = new List<Interval>();
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                var (start, end) = (Instant.Max(x.Start, y.Start), Instant.Min(x.End, y.End));
                if (start < end)
                {
                    both.Add(new Interval(start, end));
                }
            }
        }
        return both.OrderBy(i => i.Start).ToList();
    }

    private static Reason ReasonOf(PlanCandidate candidate, LocalDate date) =>
        candidate.Status == ContactStatus.HotPotential ? Reason.HotPotential
        : candidate.OpenComplaint ? Reason.OpenComplaint
        : candidate.NextContactAt is { } next && next.InZone(candidate.Zone).Date == date ? Reason.CallbackDue
        : candidate.NextContactAt is not null ? Reason.Due
        : Reason.FirstCall;
}

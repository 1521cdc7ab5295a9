using FsCheck.Xunit;
using NodaTime;
using Platform.Clients.Calendar;
using Platform.Clients.Campaigns;
using Platform.Clients.Consent;
using Platform.Clients.Dispositions;
using Platform.Clients.Lifecycle;
using Platform.Clients.Recycling;
using Xunit;

namespace Platform.Clients.Tests.Campaigns;

/// <summary>
/// Over random calendars (hours, lunch, holidays, closed days), zones (several per number, DST included), consents
/// (granted, withdrawn, expiring), attempts, campaign hours and instants: the dial-time check allows a dial exactly when
/// every rule, checked here independently in the plainest terms, allows it. Never a dial outside.
/// </summary>
public sealed class DialTimeCheckProperties
{
    private static readonly string[] ZoneIds =
        ["Europe/Prague", "Europe/London", "America/New_York", "America/Los_Angeles", "Asia/Vladivostok", "Australia/Sydney", "Asia/Kolkata", "Pacific/Chatham"];

    internal sealed record Scenario(DialTimeCheck.Candidate Contact, BusinessCalendar Calendar, DialTimeCheck.Hours? Hours, RecyclingRules Rules, Instant Now);

    [Property(MaxTest = 2000)]
    public void Never_a_dial_outside_the_rules_and_never_a_refusal_inside_them(int seed)
    {
        var s = Generate(new Random(seed));
        var verdict = DialTimeCheck.Check(s.Contact, s.Calendar, s.Hours, s.Rules, s.Now);
        var allowed = Allowed(s);
        Assert.True(verdict.MayDial == allowed, $"seed {seed}: check says {verdict.MayDial} ({string.Join("; ", verdict.Reasons)}), the rules say {allowed}");
        Assert.Equal(verdict.MayDial, verdict.Reasons.Count == 0);
    }

    [Fact]
    public void Some_generated_contacts_are_dialable_and_some_are_not()
    {
        var verdicts = Enumerable.Range(0, 2000).Select(seed => Generate(new Random(seed)))
            .Select(s => DialTimeCheck.Check(s.Contact, s.Calendar, s.Hours, s.Rules, s.Now).MayDial).ToList();
        Assert.Contains(true, verdicts);   // the property above is not won by refusing everything
        Assert.Contains(false, verdicts);
    }

    [Fact]
    public void A_contact_inside_the_calendar_but_outside_the_campaigns_hours_is_refused_with_the_reason()
    {
        var prague = DateTimeZoneProviders.Tzdb["Europe/Prague"];
        var now = new LocalDateTime(2026, 12, 3, 16, 45).InZoneLeniently(prague).ToInstant();  // a Thursday, open until 17:00
        var contact = new DialTimeCheck.Candidate(ContactStatus.Potential, Consents(now, granted: true), [prague], [], null, []);

        var verdict = DialTimeCheck.Check(contact, BusinessCalendar.Default, new DialTimeCheck.Hours(new LocalTime(9, 0), new LocalTime(16, 30)),
            RecyclingRules.Default, now);

        Assert.False(verdict.MayDial);
        Assert.Equal("outside the campaign's hours 09:00–16:30 (16:45 in Europe/Prague)", Assert.Single(verdict.Reasons));
        Assert.True(DialTimeCheck.Check(contact, BusinessCalendar.Default, null, RecyclingRules.Default, now).MayDial);
    }

    [Fact]
    public void A_contact_is_not_dialed_on_a_public_holiday_of_its_own_country_that_the_company_calendar_does_not_have()
    {
        var newYork = DateTimeZoneProviders.Tzdb["America/New_York"];
        var now = new LocalDateTime(2026, 11, 26, 11, 0).InZoneLeniently(newYork).ToInstant();  // Thanksgiving, a Thursday
        var american = new DialTimeCheck.Candidate(ContactStatus.Potential, Consents(now, granted: true), [newYork], [], null, [], Country: "US");

        var verdict = DialTimeCheck.Check(american, BusinessCalendar.Default, null, RecyclingRules.Default, now);

        Assert.False(verdict.MayDial);
        Assert.Contains("public holiday in the contact's country (US)", Assert.Single(verdict.Reasons));
        Assert.True(DialTimeCheck.Check(american with { Country = "CZ" }, BusinessCalendar.Default, null, RecyclingRules.Default, now).MayDial);
    }

    /// <summary>The rules, each in its plainest form, without the code under test.</summary>
    private static bool Allowed(Scenario s)
    {
        var c = s.Contact;
        if (c.Status == ContactStatus.DoNotCall || c.NumberBlocks.Count > 0)
        {
            return false;
        }
        foreach (var purpose in new[] { ConsentPurpose.DataProcessing, ConsentPurpose.Calls })
        {
            var latest = c.Consents.Where(x => x.Purpose == purpose).OrderBy(x => x.At).LastOrDefault();
            if (latest is null || !latest.Granted || latest.ExpiresAt is { } expires && expires <= s.Now)
            {
                return false;
            }
        }
        foreach (var zone in c.Zones)
        {
            var local = s.Now.InZone(zone).LocalDateTime;
            if (s.Calendar.Holidays.Contains(local.Date) || !s.Calendar.Week.TryGetValue(local.DayOfWeek, out var day))
            {
                return false;
            }
            var t = local.TimeOfDay;
            if (t < day.Open || t >= day.Close || day.LunchStart is { } lunch && t >= lunch && t < day.LunchEnd!.Value)
            {
                return false;
            }
            if (s.Hours is { } hours && (t < hours.From || t >= hours.To))
            {
                return false;
            }
        }
        if (c.NextContactAt is { } next && next > s.Now)
        {
            return false;
        }
        var counted = c.Attempts.Where(a => RecyclingRules.IsAttempt(a.Category)).OrderBy(a => a.At).ToList();
        if (counted.Count >= s.Rules.MaxAttempts)
        {
            return false;
        }
        if (counted.Count > 0 && s.Rules.RetryDelays.TryGetValue(counted[^1].Category, out var delay) && counted[^1].At + delay > s.Now)
        {
            return false;
        }
        var today = s.Now.InZone(c.Zones[0]).Date;
        return counted.Count(a => a.At.InZone(c.Zones[0]).Date == today) < s.Rules.MaxAttemptsPerDay;
    }

    internal static Scenario Generate(Random r)
    {
        var now = Instant.FromUtc(2026, 1, 1, 0, 0) + Duration.FromMinutes(r.Next(0, 365 * 24 * 60));
        var week = new Dictionary<IsoDayOfWeek, OpeningHours>();
        foreach (var day in Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None))
        {
            if (r.Next(5) == 0)
            {
                continue; // closed that weekday
            }
            var open = r.Next(0, 12 * 60);
            var close = r.Next(open + 120, 24 * 60);
            var hours = r.Next(2) == 0 || close - open < 240
                ? new OpeningHours(Time(open), Time(close))
                : new OpeningHours(Time(open), Time(close), Time(open + 60), Time(open + 60 + r.Next(15, 90)));
            week[day] = hours;
        }
        var holidays = Enumerable.Range(0, r.Next(0, 6))
            .Select(_ => now.InUtc().Date.PlusDays(r.Next(-2, 3))).ToHashSet();
        var calendar = new BusinessCalendar(week, holidays, new Dictionary<LocalDate, OpeningHours?>());
        var zones = Enumerable.Range(0, r.Next(1, 4)).Select(_ => DateTimeZoneProviders.Tzdb[ZoneIds[r.Next(ZoneIds.Length)]]).DistinctBy(z => z.Id).ToList();
        var consents = new List<ConsentState>();
        foreach (var purpose in new[] { ConsentPurpose.DataProcessing, ConsentPurpose.Calls })
        {
            for (var i = r.Next(0, 3); i > 0; i--)
            {
                var at = now - Duration.FromDays(r.Next(1, 400)) - Duration.FromMinutes(i);
                Instant? expires = r.Next(3) == 0 ? now + Duration.FromDays(r.Next(-30, 30)) + Duration.FromMinutes(1) : null;
                consents.Add(new ConsentState(purpose, r.Next(4) != 0, at, expires));
            }
        }
        var categories = new[] { DispositionCategory.NoAnswer, DispositionCategory.Busy, DispositionCategory.AnsweringMachine, DispositionCategory.Callback,
            DispositionCategory.NotInterested };
        var attempts = Enumerable.Range(0, r.Next(0, 8))
            .Select(_ => new RecyclingRules.Attempt(now - Duration.FromMinutes(r.Next(1, 3 * 24 * 60)), categories[r.Next(categories.Length)])).ToList();
        var status = r.Next(10) == 0 ? ContactStatus.DoNotCall : r.Next(2) == 0 ? ContactStatus.Potential : ContactStatus.HotPotential;
        string[] blocks = r.Next(10) == 0 ? ["on the suppression list 'Robinson' (version 1, registry)"] : [];
        Instant? next = r.Next(3) == 0 ? now + Duration.FromMinutes(r.Next(-600, 600)) : null;
        var from = r.Next(0, 14 * 60);
        var campaignHours = r.Next(2) == 0 ? null : new DialTimeCheck.Hours(Time(from), Time(r.Next(from + 30, 24 * 60)));
        return new Scenario(new DialTimeCheck.Candidate(status, consents, zones, blocks, next, attempts), calendar, campaignHours,
            r.Next(2) == 0 ? RecyclingRules.Default : new RecyclingRules(new Dictionary<DispositionCategory, Duration> { [DispositionCategory.NoAnswer] = Duration.FromMinutes(r.Next(0, 600)) },
                r.Next(1, 8), r.Next(1, 4)), now);
    }

    private static LocalTime Time(int minutes) => LocalTime.FromMinutesSinceMidnight(Math.Min(minutes, 24 * 60 - 1));

    private static List<ConsentState> Consents(Instant now, bool granted) =>
        [new(ConsentPurpose.DataProcessing, granted, now - Duration.FromDays(1), null), new(ConsentPurpose.Calls, granted, now - Duration.FromDays(1), null)];
}

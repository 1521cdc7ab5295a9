using FsCheck.Xunit;
using NodaTime;
using Platform.Clients.Calendar;
using Platform.Clients.Campaigns;
using Platform.Clients.Consent;
using Platform.Clients.Dispositions;
using Platform.Clients.Lifecycle;
using Platform.Clients.Recycling;
using Xunit;
using Standing = Platform.Clients.Campaigns.ContactsLeft.Standing;

namespace Platform.Clients.Tests.Campaigns;

/// <summary>
/// The contacts left of a campaign agree with the dial-time check: "dialable now" exactly when the check passes now (and
/// nothing holds the contact), "later today" only with an instant later today at which it passes, and a contact counted as
/// not dialable today passes the check at no minute of the rest of its day. Over the same random calendars, zones, consents,
/// attempts and campaign hours as <see cref="DialTimeCheckProperties"/>.
/// </summary>
public sealed class ContactsLeftProperties
{
    private static readonly DateTimeZone Prague = DateTimeZoneProviders.Tzdb["Europe/Prague"];

    [Property(MaxTest = 500)]
    public void The_standing_agrees_with_the_dial_time_check_over_the_rest_of_the_day(int seed, bool closed, bool held)
    {
        var s = DialTimeCheckProperties.Generate(new Random(seed));
        var standing = ContactsLeft.Judge(new ContactsLeft.Contact(s.Contact, closed, held), s.Calendar, s.Hours, s.Rules, s.Now);
        var zone = s.Contact.Zones[0];
        var endOfDay = s.Now.InZone(zone).Date.PlusDays(1).AtStartOfDayInZone(zone).ToInstant();
        var passesNow = DialTimeCheck.Check(s.Contact, s.Calendar, s.Hours, s.Rules, s.Now).MayDial;
        Assert.True((standing == Standing.DialableNow) == (passesNow && !closed && !held), $"seed {seed}: {standing}, the check now says {passesNow}");
        if (standing is Standing.OutsideWindow or Standing.RecycledForLater)
        {
            // Every minute left today, and the minute's last second: the check never passes.
            for (var t = s.Now; t < endOfDay; t += Duration.FromMinutes(1))
            {
                Assert.False(DialTimeCheck.Check(s.Contact, s.Calendar, s.Hours, s.Rules, t).MayDial, $"seed {seed}: {standing}, yet dialable at {t}");
            }
        }
        if (standing == Standing.DialableLaterToday)
        {
            var first = ContactsLeft.FirstDialableBefore(s.Contact, s.Calendar, s.Hours, s.Rules, s.Now, endOfDay);
            Assert.NotNull(first);
            Assert.True(DialTimeCheck.Check(s.Contact, s.Calendar, s.Hours, s.Rules, first.Value).MayDial);
            // ... and it is the first: no minute before it passes.
            for (var t = s.Now; t < first.Value - Duration.FromSeconds(59); t += Duration.FromMinutes(1))
            {
                Assert.False(DialTimeCheck.Check(s.Contact, s.Calendar, s.Hours, s.Rules, t).MayDial, $"seed {seed}: first at {first}, yet dialable at {t}");
            }
        }
    }

    [Fact]
    public void Generated_contacts_reach_every_standing()
    {
        var standings = Enumerable.Range(0, 3000).Select(seed => (seed, s: DialTimeCheckProperties.Generate(new Random(seed))))
            .Select(x => ContactsLeft.Judge(new ContactsLeft.Contact(x.s.Contact, x.seed % 17 == 0, x.seed % 13 == 0), x.s.Calendar, x.s.Hours, x.s.Rules, x.s.Now))
            .ToHashSet();
        Assert.Equal(Enum.GetValues<Standing>().ToHashSet(), standings);   // the property above is not won by one standing alone
    }

    [Fact]
    public void A_contact_before_opening_is_left_for_later_today_and_one_after_closing_is_outside_the_window()
    {
        var morning = At(7, 30);   // Thursday 3 December 2026, the default calendar opens at 9:00 and closes at 17:00
        var evening = At(17, 30);
        Assert.Equal(Standing.DialableLaterToday, Judge(Contact(morning), morning));
        Assert.Equal(ToInstant(9, 0), ContactsLeft.FirstDialableBefore(Contact(morning), BusinessCalendar.Default, null, RecyclingRules.Default, morning, At(23, 59)));
        Assert.Equal(Standing.OutsideWindow, Judge(Contact(evening), evening));
        Assert.Equal(Standing.DialableNow, Judge(Contact(At(10, 0)), At(10, 0)));
    }

    [Fact]
    public void Each_reason_is_named_by_its_standing()
    {
        var now = At(10, 0);
        Assert.Equal(Standing.DoNotCall, Judge(Contact(now) with { Status = ContactStatus.DoNotCall }, now));
        Assert.Equal(Standing.DoNotCall, Judge(Contact(now) with { NumberBlocks = ["on the suppression list 'Robinson'"] }, now));
        Assert.Equal(Standing.NoConsent, Judge(Contact(now) with { Consents = [new(ConsentPurpose.DataProcessing, true, now - Duration.FromDays(1), null)] }, now));
        Assert.Equal(Standing.NoConsent, Judge(Contact(now) with
        {
            Consents = [new(ConsentPurpose.DataProcessing, true, now - Duration.FromDays(2), null), new(ConsentPurpose.Calls, false, now - Duration.FromDays(1), null)],
        }, now));
        var sixAttempts = Enumerable.Range(1, 6).Select(d => new RecyclingRules.Attempt(now - Duration.FromDays(d), DispositionCategory.NoAnswer)).ToList();
        Assert.Equal(Standing.AttemptsUsedUp, Judge(Contact(now) with { Attempts = sixAttempts }, now));
        Assert.Equal(Standing.AttemptsUsedUp, Judge(Contact(now) with { Attempts = sixAttempts }, now, closed: true));
        Assert.Equal(Standing.Closed, Judge(Contact(now), now, closed: true));
        Assert.Equal(Standing.Held, Judge(Contact(now), now, held: true));
        // A machine at 9:50 rests 4 h: 13:50 is still today and open.
        Assert.Equal(Standing.DialableLaterToday, Judge(Contact(now) with { Attempts = [new(At(9, 50), DispositionCategory.AnsweringMachine)] }, now));
        // Two attempts today reach the project's two a day: tomorrow.
        Assert.Equal(Standing.RecycledForLater, Judge(Contact(now) with
        {
            Attempts = [new(At(9, 0), DispositionCategory.Busy), new(At(9, 40), DispositionCategory.Busy)],
        }, now));
        Assert.Equal(Standing.RecycledForLater, Judge(Contact(now) with { NextContactAt = now + Duration.FromDays(2) }, now));
        // A next contact agreed for 15:00 today: later today.
        Assert.Equal(Standing.DialableLaterToday, Judge(Contact(now) with { NextContactAt = ToInstant(15, 0) }, now));
    }

    private static Standing Judge(DialTimeCheck.Candidate contact, Instant now, bool closed = false, bool held = false) =>
        ContactsLeft.Judge(new ContactsLeft.Contact(contact, closed, held), BusinessCalendar.Default, null, RecyclingRules.Default, now);

    private static DialTimeCheck.Candidate Contact(Instant now) => new(ContactStatus.Potential,
        [new(ConsentPurpose.DataProcessing, true, now - Duration.FromDays(30), null), new(ConsentPurpose.Calls, true, now - Duration.FromDays(30), null)],
        [Prague], [], null, []);

    private static Instant At(int hour, int minute) => ToInstant(hour, minute);

    private static Instant ToInstant(int hour, int minute) => new LocalDateTime(2026, 12, 3, hour, minute).InZoneLeniently(Prague).ToInstant();
}

using NodaTime;
using Platform.Clients.Calendar;
using Platform.Clients.Consent;
using Platform.Clients.Lifecycle;
using Xunit;

namespace Platform.Clients.Tests.Consent;

public sealed class CallingPermissionTests
{
    private static readonly Instant Granted = Instant.FromUtc(2026, 1, 1, 0, 0);
    private static readonly ConsentState[] FullConsent =
    [
        new(ConsentPurpose.DataProcessing, true, Granted, null),
        new(ConsentPurpose.Calls, true, Granted, null),
    ];
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly DateTimeZone Prague = DateTimeZoneProviders.Tzdb["Europe/Prague"];

    private static CallingPermission.Verdict Check(Instant now, DateTimeZone zone, ContactStatus status = ContactStatus.Potential,
        ConsentState[]? consents = null) =>
        CallingPermission.Check(status, consents ?? FullConsent, BusinessCalendar.Default, zone, now);

    [Fact]
    public void The_same_instant_is_a_working_hour_in_prague_and_night_in_new_york()
    {
        var now = Instant.FromUtc(2026, 11, 23, 9, 30); // Monday: 10:30 in Prague, 04:30 in New York
        Assert.True(Check(now, Prague).MayCall);
        var newYork = Check(now, NewYork);
        Assert.False(newYork.MayCall);
        Assert.Contains(newYork.Reasons, r => r.Contains("before opening hours") && r.Contains("America/New_York"));
    }

    [Fact]
    public void New_yorks_switch_to_summer_time_moves_the_window_by_an_hour()
    {
        // 13:30 UTC is 08:30 EST on Friday 6 March 2026 (closed) but 09:30 EDT on Tuesday 10 March, after the switch on the 8th.
        Assert.False(Check(Instant.FromUtc(2026, 3, 6, 13, 30), NewYork).MayCall);
        Assert.True(Check(Instant.FromUtc(2026, 3, 10, 13, 30), NewYork).MayCall);
    }

    [Fact]
    public void Pragues_switch_back_to_winter_time_moves_the_window_by_an_hour()
    {
        // Europe left summer time on 25 October 2026: 14:30 UTC was 16:30 CEST on the Friday before; on the Monday after,
        // 16:30 UTC is 17:30 CET (closed) and 15:30 UTC is 16:30 CET (open).
        Assert.True(Check(Instant.FromUtc(2026, 10, 23, 14, 30), Prague).MayCall);  // Friday 16:30 CEST
        Assert.False(Check(Instant.FromUtc(2026, 10, 26, 16, 30), Prague).MayCall); // Monday 17:30 CET: closed
        Assert.True(Check(Instant.FromUtc(2026, 10, 26, 15, 30), Prague).MayCall);  // Monday 16:30 CET
    }

    [Fact]
    public void A_holiday_is_the_contacts_own_date()
    {
        var calendar = BusinessCalendar.Default with { Holidays = new HashSet<LocalDate> { new(2026, 12, 24) } };
        var now = Instant.FromUtc(2026, 12, 24, 4, 30); // already the 24th, 13:30 in Tokyo; still the 23rd, 23:30 in New York
        var tokyo = CallingPermission.Check(ContactStatus.Potential, FullConsent, calendar, DateTimeZoneProviders.Tzdb["Asia/Tokyo"], now);
        Assert.Contains(tokyo.Reasons, r => r.Contains("public holiday"));
        var newYork = CallingPermission.Check(ContactStatus.Potential, FullConsent, calendar, NewYork, now);
        Assert.DoesNotContain(newYork.Reasons, r => r.Contains("public holiday"));
    }

    [Fact]
    public void Without_consent_to_calls_no_call_is_allowed()
    {
        var now = Instant.FromUtc(2026, 11, 23, 9, 30);
        Assert.Contains(Check(now, Prague, consents: [FullConsent[0]]).Reasons, r => r.Contains("no consent to calls"));
        Assert.Contains(Check(now, Prague, consents: [.. FullConsent, new(ConsentPurpose.Calls, false, Granted.Plus(Duration.FromDays(1)), null)]).Reasons,
            r => r.Contains("consent to calls withdrawn"));
        Assert.Contains(Check(now, Prague, consents: [FullConsent[0], new(ConsentPurpose.Calls, true, Granted, Instant.FromUtc(2026, 6, 1, 0, 0))]).Reasons,
            r => r.Contains("consent to calls expired"));
    }

    [Fact]
    public void The_latest_word_on_a_purpose_counts()
    {
        var now = Instant.FromUtc(2026, 11, 23, 9, 30);
        ConsentState[] regranted = [.. FullConsent, new(ConsentPurpose.Calls, false, Granted.Plus(Duration.FromDays(1)), null),
            new(ConsentPurpose.Calls, true, Granted.Plus(Duration.FromDays(2)), null)];
        Assert.True(Check(now, Prague, consents: regranted).MayCall);
    }

    [Fact]
    public void Do_not_call_is_a_reason_of_its_own_and_every_reason_is_given()
    {
        var verdict = Check(Instant.FromUtc(2026, 11, 28, 9, 30), Prague, ContactStatus.DoNotCall, []);
        Assert.False(verdict.MayCall);
        Assert.Equal(4, verdict.Reasons.Count); // do not call, no data-processing consent, no call consent, weekend
    }

    [Fact]
    public void A_number_on_a_list_is_not_callable_whatever_the_contacts_own_status_and_every_list_is_named()
    {
        var now = Instant.FromUtc(2026, 11, 23, 9, 30); // a Monday's working hour in Prague
        var verdict = CallingPermission.Check(ContactStatus.HotPotential, FullConsent, BusinessCalendar.Default, Prague, now,
            ["on the suppression list 'Robinson CZ' (version 2, registry)", "on the suppression list 'Acme' (version 1, letter)"]);
        Assert.False(verdict.MayCall);
        Assert.Equal(["on the suppression list 'Robinson CZ' (version 2, registry)", "on the suppression list 'Acme' (version 1, letter)"], verdict.Reasons);
        Assert.True(CallingPermission.Check(ContactStatus.HotPotential, FullConsent, BusinessCalendar.Default, Prague, now, []).MayCall);
    }

    [Fact]
    public void A_number_of_several_zones_is_callable_only_when_every_zone_is_in_its_window()
    {
        var (sydney, perth) = (DateTimeZoneProviders.Tzdb["Australia/Sydney"], DateTimeZoneProviders.Tzdb["Australia/Perth"]);
        var sydneyMorningPerthDawn = Instant.FromUtc(2026, 11, 23, 23, 0); // Tuesday 10:00 in Sydney, 07:00 in Perth
        var bothOpen = Instant.FromUtc(2026, 11, 24, 2, 30);              // Tuesday 13:30 in Sydney, 10:30 in Perth

        var verdict = CallingPermission.Check(ContactStatus.Potential, FullConsent, BusinessCalendar.Default, sydney, sydneyMorningPerthDawn, [], [sydney, perth]);

        Assert.False(verdict.MayCall);
        Assert.Contains(verdict.Reasons, r => r.Contains("Australia/Perth"));
        Assert.True(CallingPermission.Check(ContactStatus.Potential, FullConsent, BusinessCalendar.Default, sydney, bothOpen, [], [sydney, perth]).MayCall);
    }
}

using NodaTime;
using Platform.Clients.Calendar;
using Platform.Clients.Callbacks;
using Xunit;

namespace Platform.Clients.Tests.Callbacks;

/// <summary>When a project is open and when it opens next, by its calendar in its zone (the queue's callbacks follow it).</summary>
public sealed class ProjectOpeningsTests
{
    private static readonly DateTimeZone Prague = DateTimeZoneProviders.Tzdb["Europe/Prague"];

    private static Instant At(int month, int day, int hour, int minute = 0) =>
        new LocalDateTime(2026, month, day, hour, minute).InZoneLeniently(Prague).ToInstant();

    [Fact]
    public void Open_in_the_morning_it_closes_at_lunch()
    {
        var opening = ProjectOpenings.At(BusinessCalendar.Default, Prague, At(12, 3, 10));   // Thursday

        Assert.True(opening.OpenNow);
        Assert.Equal(At(12, 3, 12), opening.ClosesAt);
    }

    [Fact]
    public void After_the_day_it_opens_the_next_working_morning_on_another_day()
    {
        var opening = ProjectOpenings.At(BusinessCalendar.Default, Prague, At(12, 3, 17, 30));

        Assert.False(opening.OpenNow);
        Assert.Equal("after opening hours", opening.ClosedBecause);
        Assert.Equal(At(12, 4, 9), opening.NextOpensAt);
        Assert.True(opening.NextOpensAnotherDay);
    }

    [Fact]
    public void At_lunch_it_opens_after_lunch_the_same_day()
    {
        var opening = ProjectOpenings.At(BusinessCalendar.Default, Prague, At(12, 3, 12, 30));

        Assert.Equal(("lunch break", At(12, 3, 13), false), (opening.ClosedBecause, opening.NextOpensAt, opening.NextOpensAnotherDay));
    }

    [Fact]
    public void Friday_evening_skips_the_weekend_and_a_holiday_on_monday()
    {
        var calendar = BusinessCalendar.Default with { Holidays = new HashSet<LocalDate> { new(2026, 12, 7) } };

        var opening = ProjectOpenings.At(calendar, Prague, At(12, 4, 18));

        Assert.Equal(At(12, 8, 9), opening.NextOpensAt);
    }

    [Fact]
    public void Before_opening_it_opens_the_same_morning()
    {
        var opening = ProjectOpenings.At(BusinessCalendar.Default, Prague, At(12, 3, 7));

        Assert.Equal(("before opening hours", At(12, 3, 9), false), (opening.ClosedBecause, opening.NextOpensAt, opening.NextOpensAnotherDay));
    }

    [Fact]
    public void A_calendar_never_open_has_no_next_opening()
    {
        var never = new BusinessCalendar(new Dictionary<IsoDayOfWeek, OpeningHours>(), new HashSet<LocalDate>(), new Dictionary<LocalDate, OpeningHours?>());

        var opening = ProjectOpenings.At(never, Prague, At(12, 3, 10));

        Assert.Equal((false, (Instant?)null), (opening.OpenNow, opening.NextOpensAt));
    }

    [Fact]
    public void The_next_opening_is_read_in_the_projects_zone_across_a_clock_change()
    {
        // Sunday 29 March 2026 Prague moves from 02:00 to 03:00; Monday opens at 9:00 local = 07:00 UTC (summer time).
        var opening = ProjectOpenings.At(BusinessCalendar.Default, Prague, Instant.FromUtc(2026, 3, 28, 20, 0));

        Assert.Equal(Instant.FromUtc(2026, 3, 30, 7, 0), opening.NextOpensAt);
    }
}

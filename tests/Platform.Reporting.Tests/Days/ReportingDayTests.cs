using NodaTime;

namespace Platform.Reporting.Tests.Days;

public sealed class ReportingDayTests
{
    private static readonly DateTimeZone Prague = ReportingDay.Zone("Europe/Prague");

    [Fact]
    public void A_call_at_23_30_utc_on_a_winter_day_belongs_to_the_next_prague_day()
    {
        var at = new DateTimeOffset(2026, 1, 15, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2026, 1, 16), ReportingDay.DayOf(at, Prague));
        Assert.Equal(new DateOnly(2026, 1, 15), ReportingDay.DayOf(at, DateTimeZone.Utc));
    }

    [Fact]
    public void A_call_at_22_30_utc_on_a_summer_day_belongs_to_the_next_prague_day_and_at_21_30_to_the_same()
    {
        Assert.Equal(new DateOnly(2026, 7, 2), ReportingDay.DayOf(new DateTimeOffset(2026, 7, 1, 22, 30, 0, TimeSpan.Zero), Prague));
        Assert.Equal(new DateOnly(2026, 7, 1), ReportingDay.DayOf(new DateTimeOffset(2026, 7, 1, 21, 30, 0, TimeSpan.Zero), Prague));
    }

    [Fact]
    public void A_prague_winter_day_starts_at_23_00_utc_the_day_before_and_lasts_24_hours()
    {
        var (from, to) = ReportingDay.Span(new DateOnly(2026, 1, 16), Prague);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 23, 0, 0, TimeSpan.Zero), from);
        Assert.Equal(TimeSpan.FromHours(24), to - from);
    }

    [Fact]
    public void The_spring_change_day_has_23_hours_and_the_autumn_one_25()
    {
        var (springFrom, springTo) = ReportingDay.Span(new DateOnly(2026, 3, 29), Prague);
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero), springFrom);
        Assert.Equal(TimeSpan.FromHours(23), springTo - springFrom);
        var (autumnFrom, autumnTo) = ReportingDay.Span(new DateOnly(2026, 10, 25), Prague);
        Assert.Equal(new DateTimeOffset(2026, 10, 24, 22, 0, 0, TimeSpan.Zero), autumnFrom);
        Assert.Equal(TimeSpan.FromHours(25), autumnTo - autumnFrom);
    }

    [Fact]
    public void Every_instant_of_a_change_day_maps_back_to_that_day_and_the_next_day_starts_where_it_ends()
    {
        foreach (var day in new[] { new DateOnly(2026, 3, 29), new DateOnly(2026, 10, 25) })
        {
            var (from, to) = ReportingDay.Span(day, Prague);
            Assert.Equal(day, ReportingDay.DayOf(from, Prague));
            Assert.Equal(day, ReportingDay.DayOf(to.AddTicks(-1), Prague));
            Assert.Equal(day.AddDays(1), ReportingDay.DayOf(to, Prague));
            Assert.Equal(to, ReportingDay.Span(day.AddDays(1), Prague).From);
        }
    }

    [Fact]
    public void A_local_time_skipped_by_the_spring_change_is_read_as_the_instant_after_the_gap()
    {
        var at = ReportingDay.Local(new DateTime(2026, 3, 29, 2, 30, 0), Prague);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), at); // 03:30 CEST
    }

    [Fact]
    public void The_same_interval_a_week_before_a_dst_change_is_the_same_prague_time_not_168_hours_earlier()
    {
        var mondayNine = new DateTimeOffset(2026, 3, 30, 7, 0, 0, TimeSpan.Zero); // 09:00 CEST
        Assert.Equal(new DateTimeOffset(2026, 3, 23, 8, 0, 0, TimeSpan.Zero), ReportingDay.WeeksBefore(mondayNine, 1, Prague)); // 09:00 CET
        Assert.Equal(mondayNine, ReportingDay.WeeksBefore(mondayNine.AddDays(14), 2, Prague)); // no change between: exactly 14 days
    }

    [Fact]
    public void Unknown_or_missing_zones_are_utc()
    {
        Assert.Equal(DateTimeZone.Utc, ReportingDay.Zone(null));
        Assert.Equal(DateTimeZone.Utc, ReportingDay.Zone("Mars/Olympus_Mons"));
    }

    [Fact]
    public void The_call_centers_home_zone_is_its_first_projects()
    {
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal("Europe/Prague", ReportingDay.HomeZone([("Europe/London", t0.AddDays(3), Guid.NewGuid()), ("Europe/Prague", t0, Guid.NewGuid())]));
        Assert.Null(ReportingDay.HomeZone([]));
    }
}

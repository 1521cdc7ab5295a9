using NodaTime;

namespace Platform.Reporting.Tests.Days;

public sealed class ReportBucketsTests
{
    private static readonly DateTimeZone Prague = DateTimeZoneProviders.Tzdb["Europe/Prague"];

    private static DateTimeOffset Local(int year, int month, int day, int hour = 0) =>
        Prague.AtStrictly(new LocalDateTime(year, month, day, hour, 0)).ToDateTimeOffset();

    [Fact]
    public void The_spring_forward_day_has_92_quarter_hours_and_one_day_of_23_hours()
    {
        var (from, to) = (Local(2026, 3, 29), Local(2026, 3, 30));
        Assert.Equal(92, ReportBuckets.Of(from, to, ReportBuckets.Quarter, Prague).Count);
        var day = Assert.Single(ReportBuckets.Of(from, to, ReportBuckets.Day, Prague));
        Assert.Equal(23 * 3600, day.Seconds);
        Assert.Equal(from, day.Start);
    }

    [Fact]
    public void Weeks_start_on_monday_and_months_on_the_first_in_the_projects_zone()
    {
        // Thursday 2026-10-22 to Wednesday 2026-11-11: the week of Monday 19 October (cut to the range; the clocks go back on
        // Sunday the 25th), then whole weeks from Monday, the last cut to the range.
        var weeks = ReportBuckets.Of(Local(2026, 10, 22), Local(2026, 11, 11), ReportBuckets.Week, Prague);
        Assert.Equal([Local(2026, 10, 19), Local(2026, 10, 26), Local(2026, 11, 2), Local(2026, 11, 9)], weeks.Select(w => w.Start));
        Assert.Equal(Local(2026, 10, 22), weeks[0].From);
        Assert.Equal((4 * 24 + 1) * 3600, weeks[0].Seconds); // Thursday to Monday, with the hour the clocks went back
        Assert.Equal(Local(2026, 11, 11), weeks[^1].To);

        var months = ReportBuckets.Of(Local(2026, 1, 15), Local(2026, 4, 1), ReportBuckets.Month, Prague);
        Assert.Equal([Local(2026, 1, 1), Local(2026, 2, 1), Local(2026, 3, 1)], months.Select(m => m.Start));
        Assert.Equal((31 * 24 - 1) * 3600, months[2].Seconds); // March loses an hour
    }

    [Fact]
    public void Quarter_hours_are_aligned_instants_and_the_first_is_cut_to_the_range()
    {
        var from = new DateTimeOffset(2026, 3, 2, 8, 7, 0, TimeSpan.Zero);
        var buckets = ReportBuckets.Of(from, from.AddMinutes(30), ReportBuckets.Quarter, Prague);
        Assert.Equal([from.AddMinutes(-7), from.AddMinutes(8), from.AddMinutes(23)], buckets.Select(b => b.Start));
        Assert.Equal(30 * 60, buckets.Sum(b => b.Seconds));
    }
}

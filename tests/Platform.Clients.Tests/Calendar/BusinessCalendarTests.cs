using NodaTime;
using Platform.Clients.Calendar;
using Xunit;

namespace Platform.Clients.Tests.Calendar;

public sealed class BusinessCalendarTests
{
    private static readonly BusinessCalendar Week = BusinessCalendar.Default;

    [Theory]
    [InlineData("2026-11-23T09:00", null)]                     // Monday, opening
    [InlineData("2026-11-23T08:59", "before opening hours")]
    [InlineData("2026-11-23T12:00", "lunch break")]
    [InlineData("2026-11-23T12:59", "lunch break")]
    [InlineData("2026-11-23T13:00", null)]
    [InlineData("2026-11-23T16:59", null)]
    [InlineData("2026-11-23T17:00", "after opening hours")]
    [InlineData("2026-11-28T10:00", "weekend")]                // Saturday
    [InlineData("2026-11-29T10:00", "weekend")]                // Sunday
    public void The_default_week_is_nine_to_five_with_lunch(string local, string? closed) =>
        Assert.Equal(closed, Week.ClosedBecause(LocalDateTimePattern(local)));

    [Fact]
    public void A_public_holiday_is_closed_all_day()
    {
        var calendar = Week with { Holidays = new HashSet<LocalDate> { new(2026, 12, 24) } };
        Assert.Equal("public holiday", calendar.ClosedBecause(new LocalDateTime(2026, 12, 24, 10, 0)));
        Assert.Null(calendar.ClosedBecause(new LocalDateTime(2026, 12, 23, 10, 0)));
    }

    [Fact]
    public void An_exception_wins_over_the_week_and_the_holidays()
    {
        var calendar = Week with
        {
            Holidays = new HashSet<LocalDate> { new(2026, 12, 31) },
            Exceptions = new Dictionary<LocalDate, OpeningHours?>
            {
                [new(2026, 12, 31)] = new(new LocalTime(9, 0), new LocalTime(12, 0)),  // short day despite the holiday
                [new(2026, 11, 28)] = new(new LocalTime(10, 0), new LocalTime(14, 0)), // a Saturday opening
                [new(2026, 11, 27)] = null,                                             // a Friday closed
            },
        };
        Assert.Null(calendar.ClosedBecause(new LocalDateTime(2026, 12, 31, 11, 0)));
        Assert.Equal("after opening hours", calendar.ClosedBecause(new LocalDateTime(2026, 12, 31, 12, 30)));
        Assert.Null(calendar.ClosedBecause(new LocalDateTime(2026, 11, 28, 10, 30)));
        Assert.Equal("closed that day (exception)", calendar.ClosedBecause(new LocalDateTime(2026, 11, 27, 10, 0)));
    }

    [Fact]
    public void Impossible_hours_are_reported()
    {
        var calendar = Week with
        {
            Week = new Dictionary<IsoDayOfWeek, OpeningHours>
            {
                [IsoDayOfWeek.Monday] = new(new LocalTime(17, 0), new LocalTime(9, 0)),
                [IsoDayOfWeek.Tuesday] = new(new LocalTime(9, 0), new LocalTime(17, 0), new LocalTime(18, 0), new LocalTime(19, 0)),
                [IsoDayOfWeek.Wednesday] = new(new LocalTime(9, 0), new LocalTime(17, 0), new LocalTime(12, 0)),
            },
        };
        Assert.Equal(3, calendar.Problems().Count());
        Assert.Empty(Week.Problems());
    }

    private static LocalDateTime LocalDateTimePattern(string text) =>
        NodaTime.Text.LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm").Parse(text).Value;
}

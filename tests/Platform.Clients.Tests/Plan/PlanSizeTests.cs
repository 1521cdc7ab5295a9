using NodaTime;
using Platform.Clients.Calendar;
using Platform.Clients.Plan;
using Xunit;

namespace Platform.Clients.Tests.Plan;

public sealed class PlanSizeTests
{
    private static readonly DateTimeZone Prague = DateTimeZoneProviders.Tzdb["Europe/Prague"];

    [Theory]
    [InlineData(7, 0, 84)]   // before opening: 9-12 and 13-17 = 7 h of 5-minute calls
    [InlineData(14, 30, 30)] // 14:30: 2.5 h left
    [InlineData(12, 30, 48)] // lunch: the afternoon's 4 h
    [InlineData(17, 30, 0)]  // closed for the day
    public void The_plan_fills_what_is_left_of_the_working_day(int hour, int minute, int contacts)
    {
        var now = new LocalDate(2026, 11, 23).At(new LocalTime(hour, minute)).InZoneStrictly(Prague).ToInstant(); // a Monday

        Assert.Equal(contacts, PlanSize.ForRestOfDay(BusinessCalendar.Default, Prague, now, Duration.FromMinutes(5), 500));
    }

    [Fact]
    public void Longer_calls_make_a_shorter_plan_and_the_cap_holds()
    {
        var now = new LocalDate(2026, 11, 23).At(new LocalTime(9, 0)).InZoneStrictly(Prague).ToInstant();

        Assert.Equal(42, PlanSize.ForRestOfDay(BusinessCalendar.Default, Prague, now, Duration.FromMinutes(10), 500));
        Assert.Equal(20, PlanSize.ForRestOfDay(BusinessCalendar.Default, Prague, now, Duration.FromMinutes(1), 20));
    }
}

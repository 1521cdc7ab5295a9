using NodaTime;
using Platform.Clients.Calendar;
using Xunit;

namespace Platform.Clients.Tests.Calendar;

public sealed class NationalHolidaysTests
{
    private static BusinessCalendar Of(string? country)
    {
        var document = Platform.Clients.Calendar.CalendarDocument.From(BusinessCalendar.Default) with { PublicHolidaysOf = country };
        var (calendar, errors) = document.ToCalendar();
        Assert.Empty(errors);
        return calendar!;
    }

    [Fact]
    public void A_calendar_with_a_country_is_closed_on_its_public_holidays()
    {
        var statehoodDay = new LocalDateTime(2026, 10, 28, 10, 0); // a Wednesday, Czech Statehood Day
        var easterMonday = new LocalDate(2027, 3, 29);

        Assert.Equal("public holiday", Of("cz").ClosedBecause(statehoodDay));
        Assert.Empty(Of("CZ").OpenIntervals(easterMonday));
        Assert.Null(Of(null).ClosedBecause(statehoodDay));
        Assert.Null(Of("SK").ClosedBecause(statehoodDay));
        Assert.NotEmpty(Of("CZ").OpenIntervals(new LocalDate(2026, 10, 27)));
    }

    [Fact]
    public void The_country_is_kept_and_an_unknown_one_is_refused()
    {
        Assert.Equal("CZ", Platform.Clients.Calendar.CalendarDocument.From(Of("cz")).PublicHolidaysOf);
        var (calendar, errors) = (Platform.Clients.Calendar.CalendarDocument.From(BusinessCalendar.Default) with { PublicHolidaysOf = "XX" }).ToCalendar();

        Assert.Null(calendar);
        Assert.Contains("CZ", errors["publicHolidaysOf"][0]);
    }
}

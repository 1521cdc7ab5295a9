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
    public void The_contacts_own_countrys_public_holidays_close_the_calendar_for_them_as_well_as_the_companys()
    {
        var thanksgiving = new LocalDateTime(2026, 11, 26, 10, 0); // a Thursday, a US public holiday, a working day in Czechia
        var statehoodDay = new LocalDateTime(2026, 10, 28, 10, 0); // a Czech one

        Assert.Equal("public holiday in the contact's country (US)", Of("CZ").ForContact("us").ClosedBecause(thanksgiving));
        Assert.Equal("public holiday in the contact's country (US)", Of(null).ForContact("US").ClosedBecause(thanksgiving));
        Assert.Equal("public holiday", Of("CZ").ForContact("US").ClosedBecause(statehoodDay)); // the company's calendar still applies
        Assert.Empty(Of("CZ").ForContact("US").OpenIntervals(LocalDate.FromDateTime(new DateTime(2026, 11, 26))));
        Assert.Null(Of("CZ").ClosedBecause(thanksgiving));
        Assert.Null(Of("CZ").ForContact("CZ").ClosedBecause(thanksgiving));
        Assert.Null(Of("CZ").ForContact("XX").ClosedBecause(thanksgiving)); // a country the library does not know adds nothing
        Assert.Null(Of("CZ").ForContact(null).ClosedBecause(thanksgiving));
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

using NodaTime;

namespace Platform.Clients.Calendar;

/// <summary>
/// The client company's calendar: hours per weekday (a day without hours is closed), a lunch break, public holidays,
/// and exceptions (a special opening or closing on a given date, which win over the week and the holidays).
/// Times are wall-clock times: they are read in the local time of whoever is being called.
/// </summary>
public sealed record BusinessCalendar(
    IReadOnlyDictionary<IsoDayOfWeek, OpeningHours> Week,
    IReadOnlySet<LocalDate> Holidays,
    IReadOnlyDictionary<LocalDate, OpeningHours?> Exceptions,
    string? HolidayCountry = null,
    string? ContactCountry = null)
{
    /// <summary>
    /// A date the calendar lists as a holiday, or a public holiday of <see cref="HolidayCountry"/> (the client company's) or of
    /// <see cref="ContactCountry"/> (the called person's own), from the PublicHoliday library.
    /// </summary>
    public bool IsHoliday(LocalDate date) => HolidayReason(date) is not null;

    /// <summary>
    /// The calendar as it applies to one contact: the client company's calendar and the public holidays of the contact's own
    /// country (ISO 3166-1, e.g. the number's region) both apply. A country the library has no calendar for adds nothing.
    /// </summary>
    public BusinessCalendar ForContact(string? country) =>
        country is not null && NationalHolidays.Find(country) is { } known && known != HolidayCountry ? this with { ContactCountry = known } : this;

    private string? HolidayReason(LocalDate date) =>
        Holidays.Contains(date) || (HolidayCountry is { } country && NationalHolidays.IsHoliday(country, date)) ? "public holiday"
        : ContactCountry is { } own && NationalHolidays.IsHoliday(own, date) ? $"public holiday in the contact's country ({own})"
        : null;

    /// <summary>Monday to Friday, 9:00–17:00 with lunch 12:00–13:00; no holidays until the admin enters them.</summary>
    public static BusinessCalendar Default { get; } = new(
        new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday }
            .ToDictionary(day => day, _ => new OpeningHours(new LocalTime(9, 0), new LocalTime(17, 0), new LocalTime(12, 0), new LocalTime(13, 0))),
        new HashSet<LocalDate>(),
        new Dictionary<LocalDate, OpeningHours?>());

    /// <summary>Null when open at this wall-clock moment; otherwise why not.</summary>
    public string? ClosedBecause(LocalDateTime local)
    {
        OpeningHours? hours;
        if (Exceptions.TryGetValue(local.Date, out var exception))
        {
            if (exception is null)
            {
                return "closed that day (exception)";
            }
            hours = exception;
        }
        else if (HolidayReason(local.Date) is { } holiday)
        {
            return holiday;
        }
        else if (!Week.TryGetValue(local.DayOfWeek, out hours))
        {
            return local.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday ? "weekend" : "closed on that weekday";
        }

        var time = local.TimeOfDay;
        if (time < hours.Open)
        {
            return "before opening hours";
        }
        if (time >= hours.Close)
        {
            return "after opening hours";
        }
        if (hours.LunchStart is { } lunch && hours.LunchEnd is { } back && time >= lunch && time < back)
        {
            return "lunch break";
        }
        return null;
    }

    /// <summary>The wall-clock intervals open on a date (lunch cut out); none when closed all day.</summary>
    public IReadOnlyList<(LocalTime From, LocalTime To)> OpenIntervals(LocalDate date)
    {
        OpeningHours? hours = Exceptions.TryGetValue(date, out var exception) ? exception
            : IsHoliday(date) ? null
            : Week.GetValueOrDefault(date.DayOfWeek);
        if (hours is null)
        {
            return [];
        }
        return hours.LunchStart is { } lunch && hours.LunchEnd is { } back
            ? [(hours.Open, lunch), (back, hours.Close)]
            : [(hours.Open, hours.Close)];
    }

    public IEnumerable<string> Problems() =>
        Week.SelectMany(day => day.Value.Problems().Select(problem => $"{day.Key}: {problem}"))
            .Concat(Exceptions.Where(e => e.Value is not null).SelectMany(e => e.Value!.Problems().Select(problem => $"{e.Key:yyyy-MM-dd}: {problem}")));
}

using NodaTime;
using NodaTime.Text;

namespace Platform.Clients.Calendar;

/// <summary>
/// The business calendar as the API and the database hold it: <c>weekdays</c> by name ("monday": hours, or absent =
/// closed), <c>holidays</c> as ISO dates, <c>exceptions</c> as dated special hours or closures. Times are "HH:mm".
/// </summary>
public sealed record CalendarDocument(Dictionary<string, CalendarDocument.Hours>? Weekdays, string[]? Holidays, CalendarDocument.Exception[]? Exceptions,
    string? PublicHolidaysOf = null)
{
    public sealed record Hours(string? Open, string? Close, string? LunchStart = null, string? LunchEnd = null);

    public sealed record Exception(string? Date, bool Closed, string? Open = null, string? Close = null, string? LunchStart = null, string? LunchEnd = null);

    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly string[] DayNames = Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None).Select(d => d.ToString().ToLowerInvariant()).ToArray();

    public static CalendarDocument From(BusinessCalendar calendar) => new(
        calendar.Week.OrderBy(d => d.Key).ToDictionary(d => d.Key.ToString().ToLowerInvariant(), d => Write(d.Value)),
        calendar.Holidays.Order().Select(d => LocalDatePattern.Iso.Format(d)).ToArray(),
        calendar.Exceptions.OrderBy(e => e.Key).Select(e => e.Value is null
            ? new Exception(LocalDatePattern.Iso.Format(e.Key), true)
            : new Exception(LocalDatePattern.Iso.Format(e.Key), false, Write(e.Value).Open, Write(e.Value).Close, Write(e.Value).LunchStart, Write(e.Value).LunchEnd)).ToArray(),
        calendar.HolidayCountry);

    /// <summary>The calendar, or every problem with it by field. A stored document without weekdays is the default calendar.</summary>
    public (BusinessCalendar? Calendar, Dictionary<string, string[]> Errors) ToCalendar()
    {
        var errors = new Dictionary<string, string[]>();
        if (Weekdays is null)
        {
            errors["weekdays"] = [$"Required: hours by day ({string.Join(", ", DayNames)}); a day left out is closed."];
            return (null, errors);
        }
        var week = new Dictionary<IsoDayOfWeek, OpeningHours>();
        foreach (var (name, hours) in Weekdays)
        {
            if (!Enum.TryParse<IsoDayOfWeek>(name, ignoreCase: true, out var day) || day == IsoDayOfWeek.None || !DayNames.Contains(name.ToLowerInvariant()))
            {
                errors[$"weekdays.{name}"] = ["Not a day of the week."];
                continue;
            }
            if (Read(hours?.Open, hours?.Close, hours?.LunchStart, hours?.LunchEnd, $"weekdays.{name}", errors) is { } opening)
            {
                week[day] = opening;
            }
        }
        var holidays = new HashSet<LocalDate>();
        foreach (var (text, index) in (Holidays ?? []).Select((h, i) => (h, i)))
        {
            if (LocalDatePattern.Iso.Parse(text ?? "") is { Success: true } date) holidays.Add(date.Value);
            else errors[$"holidays[{index}]"] = ["Not a date (yyyy-MM-dd)."];
        }
        var exceptions = new Dictionary<LocalDate, OpeningHours?>();
        foreach (var (exception, index) in (Exceptions ?? []).Select((e, i) => (e, i)))
        {
            if (LocalDatePattern.Iso.Parse(exception?.Date ?? "") is not { Success: true } date)
            {
                errors[$"exceptions[{index}].date"] = ["Not a date (yyyy-MM-dd)."];
                continue;
            }
            if (exception!.Closed)
            {
                exceptions[date.Value] = null;
            }
            else if (Read(exception.Open, exception.Close, exception.LunchStart, exception.LunchEnd, $"exceptions[{index}]", errors) is { } opening)
            {
                exceptions[date.Value] = opening;
            }
        }
        string? country = null;
        if (PublicHolidaysOf is not null && (country = NationalHolidays.Find(PublicHolidaysOf)) is null)
        {
            errors["publicHolidaysOf"] = [$"A country whose public holidays are known: {string.Join(", ", NationalHolidays.Countries)}."];
        }
        return errors.Count > 0 ? (null, errors) : (new BusinessCalendar(week, holidays, exceptions, country), errors);
    }

    private static Hours Write(OpeningHours hours) =>
        new(Time.Format(hours.Open), Time.Format(hours.Close),
            hours.LunchStart is { } start ? Time.Format(start) : null, hours.LunchEnd is { } end ? Time.Format(end) : null);

    private static OpeningHours? Read(string? open, string? close, string? lunchStart, string? lunchEnd, string field, Dictionary<string, string[]> errors)
    {
        var problems = new List<string>();
        LocalTime? Parse(string? text, string what, bool required)
        {
            if (text is null)
            {
                if (required) problems.Add($"{what} is required (HH:mm).");
                return null;
            }
            var result = Time.Parse(text);
            if (!result.Success) problems.Add($"{what} is not a time (HH:mm).");
            return result.Success ? result.Value : null;
        }
        var opening = new OpeningHours(
            Parse(open, "open", true) ?? default, Parse(close, "close", true) ?? default,
            Parse(lunchStart, "lunchStart", false), Parse(lunchEnd, "lunchEnd", false));
        if (problems.Count == 0)
        {
            problems.AddRange(opening.Problems());
        }
        if (problems.Count > 0)
        {
            errors[field] = [.. problems];
            return null;
        }
        return opening;
    }
}

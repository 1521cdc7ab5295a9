using System.Globalization;
using NodaTime;
using Platform.Reporting.Kpis;

namespace Platform.Reporting.Queues;

/// <summary>
/// A report's span and bucket size: 15 minutes (up to 31 days), a day or a week from Monday (up to 400 days). Days and
/// weeks are the project's own (its time zone); 15-minute rows are instants.
/// </summary>
public sealed record ReportRange(DateTimeOffset From, DateTimeOffset To, string Granularity)
{
    private static readonly Dictionary<string, TimeSpan> MaxRanges = new()
    {
        ["15m"] = TimeSpan.FromDays(31),
        ["day"] = TimeSpan.FromDays(400),
        ["week"] = TimeSpan.FromDays(400),
        ["month"] = TimeSpan.FromDays(3 * 366),
    };

    /// <summary>
    /// Reads <c>from</c>, <c>to</c> (ISO 8601 dates or date-times; a date or a time without an offset is in the project's
    /// <paramref name="zone"/>; default: the project's today) and <c>granularity</c> (default 15m).
    /// </summary>
    public static (ReportRange? Range, Dictionary<string, string[]> Errors) Parse(
        string? from, string? to, string? granularity, DateTimeOffset now, DateTimeZone zone)
    {
        var errors = new Dictionary<string, string[]>();
        var start = ParseTime(from, "from", zone, errors) ?? ReportingDay.Start(ReportingDay.DayOf(now, zone), zone);
        var end = ParseTime(to, "to", zone, errors) ?? ReportingDay.Start(ReportingDay.DayOf(start, zone).AddDays(1), zone);
        var name = granularity ?? "15m";
        if (!MaxRanges.TryGetValue(name, out var maxRange))
        {
            errors["granularity"] = ["15m, day, week or month."];
        }
        else if (errors.Count == 0 && end <= start)
        {
            errors["to"] = ["After from."];
        }
        else if (errors.Count == 0 && end - start > maxRange + TimeSpan.FromHours(1)) // an hour more: a range of local days may hold a 25-hour day
        {
            errors["to"] = [$"At most {maxRange.TotalDays:0} days after from for granularity {name}."];
        }
        return errors.Count > 0 ? (null, errors) : (new ReportRange(start, end, name), errors);
    }

    private static DateTimeOffset? ParseTime(string? value, string field, DateTimeZone zone, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }
        if (DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) && parsed.Year is >= 2000 and <= 2200)
        {
            if (parsed.Kind == DateTimeKind.Unspecified)
            {
                return ReportingDay.Local(parsed, zone);
            }
            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var time))
            {
                return time.ToUniversalTime();
            }
        }
        errors[field] = ["An ISO 8601 date or date-time (in the project's time zone unless it says otherwise)."];
        return null;
    }
}

using System.Globalization;

namespace Platform.Reporting.Queues;

/// <summary>A report's span and bucket size: 15 minutes (up to 31 days), a day or a week (up to 400 days). Times are UTC.</summary>
public sealed record ReportRange(DateTimeOffset From, DateTimeOffset To, string Granularity, TimeSpan Step)
{
    private static readonly Dictionary<string, (TimeSpan Step, TimeSpan MaxRange)> Granularities = new()
    {
        ["15m"] = (TimeSpan.FromMinutes(15), TimeSpan.FromDays(31)),
        ["day"] = (TimeSpan.FromDays(1), TimeSpan.FromDays(400)),
        ["week"] = (TimeSpan.FromDays(7), TimeSpan.FromDays(400)),
    };

    /// <summary>Reads <c>from</c>, <c>to</c> (ISO 8601 dates or date-times; default: today, UTC) and <c>granularity</c> (default 15m).</summary>
    public static (ReportRange? Range, Dictionary<string, string[]> Errors) Parse(string? from, string? to, string? granularity, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var start = ParseTime(from, "from", errors) ?? new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var end = ParseTime(to, "to", errors) ?? start.AddDays(1);
        var name = granularity ?? "15m";
        if (!Granularities.TryGetValue(name, out var rule))
        {
            errors["granularity"] = ["15m, day or week."];
        }
        else if (errors.Count == 0 && end <= start)
        {
            errors["to"] = ["After from."];
        }
        else if (errors.Count == 0 && end - start > rule.MaxRange)
        {
            errors["to"] = [$"At most {rule.MaxRange.TotalDays:0} days after from for granularity {name}."];
        }
        return errors.Count > 0 ? (null, errors) : (new ReportRange(start, end, name, rule.Step), errors);
    }

    private static DateTimeOffset? ParseTime(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            && time.Year is >= 2000 and <= 2200)
        {
            return time.ToUniversalTime();
        }
        errors[field] = ["An ISO 8601 date or date-time (UTC unless it says otherwise)."];
        return null;
    }
}

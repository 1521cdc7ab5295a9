using NodaTime;

namespace Platform.Reporting.Kpis;

/// <summary>
/// The rows of a report over a range: 15-minute intervals (instants, aligned as the queue's rows are), or days, weeks from
/// Monday and months of <paramref name="zone"/>'s calendar (a day with a clock change has 23 or 25 hours). Each bucket is
/// labelled by its start and covers its part of [from, to) only, so the buckets add up to the range exactly.
/// </summary>
public static class ReportBuckets
{
    public const string Quarter = "15m", Day = "day", Week = "week", Month = "month";

    public sealed record Bucket(DateTimeOffset Start, DateTimeOffset From, DateTimeOffset To)
    {
        public double Seconds => (To - From).TotalSeconds;
    }

    private static readonly DateTimeOffset Epoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<Bucket> Of(DateTimeOffset from, DateTimeOffset to, string granularity, DateTimeZone zone)
    {
        var buckets = new List<Bucket>();
        var start = First(from, granularity, zone);
        while (start < to)
        {
            var next = Next(start, granularity, zone);
            buckets.Add(new Bucket(start, start > from ? start : from, next < to ? next : to));
            start = next;
        }
        return buckets;
    }

    private static DateTimeOffset First(DateTimeOffset from, string granularity, DateTimeZone zone)
    {
        if (granularity == Quarter)
        {
            var quarters = Math.Floor((from - Epoch).TotalMinutes / 15);
            return Epoch.AddMinutes(quarters * 15);
        }
        var day = Instant.FromDateTimeOffset(from).InZone(zone).Date;
        day = granularity switch
        {
            Week => day.PlusDays(-(((int)day.DayOfWeek - 1) % 7)),
            Month => new LocalDate(day.Year, day.Month, 1),
            _ => day,
        };
        return zone.AtStartOfDay(day).ToInstant().ToDateTimeOffset();
    }

    private static DateTimeOffset Next(DateTimeOffset start, string granularity, DateTimeZone zone)
    {
        if (granularity == Quarter)
        {
            return start.AddMinutes(15);
        }
        var day = Instant.FromDateTimeOffset(start).InZone(zone).Date;
        day = granularity switch
        {
            Week => day.PlusWeeks(1),
            Month => day.PlusMonths(1),
            _ => day.PlusDays(1),
        };
        return zone.AtStartOfDay(day).ToInstant().ToDateTimeOffset();
    }
}

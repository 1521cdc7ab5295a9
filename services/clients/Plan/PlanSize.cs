using NodaTime;
using Platform.Clients.Calendar;

namespace Platform.Clients.Plan;

/// <summary>How many contacts fit in what is left of an agent's working day at the project's average handle time (plain C#).</summary>
public static class PlanSize
{
    /// <summary>A good outbound call takes 3 to 5 minutes (shared/domain.md): the handle time of a project with no calls yet.</summary>
    public static readonly Duration DefaultHandleTime = Duration.FromMinutes(5);

    public static int ForRestOfDay(BusinessCalendar calendar, DateTimeZone zone, Instant now, Duration averageHandleTime, int max)
    {
        var local = now.InZone(zone);
        var left = calendar.OpenIntervals(local.Date)
            .Select(w => (From: local.Date.At(w.From).InZoneLeniently(zone).ToInstant(), To: local.Date.At(w.To).InZoneLeniently(zone).ToInstant()))
            .Where(w => w.To > now)
            .Aggregate(Duration.Zero, (sum, w) => sum + (w.To - Instant.Max(w.From, now)));
        var handle = averageHandleTime > Duration.Zero ? averageHandleTime : DefaultHandleTime;
        return (int)Math.Clamp(Math.Floor(left / handle), 0, max);
    }
}

using NodaTime;
using Platform.Clients.Calendar;

namespace Platform.Clients.Callbacks;

/// <summary>
/// Whether a project is open at an instant by its business calendar read in its time zone, when the current opening
/// closes, and when the next one begins (the queue service makes callbacks in the project's hours only).
/// </summary>
public static class ProjectOpenings
{
    public const int SearchDays = 400;

    public sealed record Opening(bool OpenNow, string? ClosedBecause, Instant? ClosesAt, Instant? NextOpensAt, bool NextOpensAnotherDay);

    public static Opening At(BusinessCalendar calendar, DateTimeZone zone, Instant now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(zone);
        var local = now.InZone(zone).LocalDateTime;
        if (calendar.ClosedBecause(local) is not { } why)
        {
            var (_, to) = calendar.OpenIntervals(local.Date).First(i => i.From <= local.TimeOfDay && local.TimeOfDay < i.To);
            return new Opening(true, null, zone.AtLeniently(local.Date + to).ToInstant(), null, false);
        }
        for (var date = local.Date; date <= local.Date.PlusDays(SearchDays); date = date.PlusDays(1))
        {
            foreach (var (from, _) in calendar.OpenIntervals(date))
            {
                var opens = zone.AtLeniently(date + from).ToInstant();
                if (opens > now)
                {
                    return new Opening(false, why, null, opens, date != local.Date);
                }
            }
        }
        return new Opening(false, why, null, null, false);
    }
}

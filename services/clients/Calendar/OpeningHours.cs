using NodaTime;

namespace Platform.Clients.Calendar;

/// <summary>One day's hours, with an optional lunch break inside them.</summary>
public sealed record OpeningHours(LocalTime Open, LocalTime Close, LocalTime? LunchStart = null, LocalTime? LunchEnd = null)
{
    public IEnumerable<string> Problems()
    {
        if (Open >= Close)
        {
            yield return "opens before it closes";
        }
        if (LunchStart.HasValue != LunchEnd.HasValue)
        {
            yield return "a lunch break needs both its start and its end";
        }
        else if (LunchStart is { } start && LunchEnd is { } end && !(Open < start && start < end && end < Close))
        {
            yield return "the lunch break lies inside the opening hours";
        }
    }
}

using NodaTime;
using Platform.Clients.Dispositions;

namespace Platform.Clients.Recycling;

/// <summary>
/// A project's rules for working a lead, not hammering it (shared/domain.md): after each outcome the contact rests for
/// its category's retry delay; at most <see cref="MaxAttemptsPerDay"/> calls a day (in the contact's own day) and
/// <see cref="MaxAttempts"/> in total, after which the contact is closed with the reason. A decision rests the contact too
/// (<see cref="Rests"/>): after "not interested" or a fresh contract it stays out of the lists for that long. One set of
/// plain C# rules, the plan of the day's and the dialer's.
/// </summary>
/// <param name="Rests">How long a decision keeps the contact out of the lists, by category (null: <see cref="DefaultRests"/>).</param>
public sealed record RecyclingRules(IReadOnlyDictionary<DispositionCategory, Duration> RetryDelays, int MaxAttempts, int MaxAttemptsPerDay,
    IReadOnlyDictionary<DispositionCategory, Duration>? Rests = null)
{
    public const int MaxAttemptsCap = 100;

    /// <summary>"Not interested" rests a quarter; a fresh contract a month before the first call about satisfaction and offers.</summary>
    public static IReadOnlyDictionary<DispositionCategory, Duration> DefaultRests { get; } = new Dictionary<DispositionCategory, Duration>
    {
        [DispositionCategory.NotInterested] = Duration.FromDays(90),
        [DispositionCategory.Sale] = Duration.FromDays(30),
    };

    /// <summary>The rests in force (the default ones when the project set none).</summary>
    public IReadOnlyDictionary<DispositionCategory, Duration> RestsInForce => Rests ?? DefaultRests;

    /// <summary>The categories a rest may be set for: decisions, not attempts (those have retry delays).</summary>
    public static bool MayRest(DispositionCategory category) => !IsAttempt(category) && category != DispositionCategory.DoNotCall;

    /// <summary>Busy lines soon, no answer in a couple of hours, a machine later in the day; a callback follows its agreed date.</summary>
    public static RecyclingRules Default { get; } = new(new Dictionary<DispositionCategory, Duration>
    {
        [DispositionCategory.Busy] = Duration.FromMinutes(30),
        [DispositionCategory.NoAnswer] = Duration.FromHours(2),
        [DispositionCategory.AnsweringMachine] = Duration.FromHours(4),
    }, MaxAttempts: 6, MaxAttemptsPerDay: 2);

    /// <summary>The calls that reached no decision (nobody, a busy line, a machine, "call me later"): they count against the limits.</summary>
    public static bool IsAttempt(DispositionCategory category) =>
        category is DispositionCategory.NoAnswer or DispositionCategory.Busy or DispositionCategory.AnsweringMachine or DispositionCategory.Callback;

    public sealed record Attempt(Instant At, DispositionCategory Category);

    /// <param name="EligibleFrom">The earliest instant the contact may be called again (null: now).</param>
    /// <param name="ClosedBecause">Why the contact is worked no more (null: it is).</param>
    public sealed record Verdict(Instant? EligibleFrom, string? ClosedBecause);

    /// <summary>Where a contact stands after its attempts, at <paramref name="now"/>, in its own zone.</summary>
    public Verdict Judge(IReadOnlyList<Attempt> attempts, DateTimeZone zone, Instant now)
    {
        var counted = attempts.Where(a => IsAttempt(a.Category)).OrderBy(a => a.At).ToList();
        if (counted.Count >= MaxAttempts)
        {
            return new Verdict(null, $"closed after {counted.Count} attempts (the project allows {MaxAttempts})");
        }
        Instant? eligible = null;
        if (counted.Count > 0 && RetryDelays.TryGetValue(counted[^1].Category, out var delay))
        {
            eligible = counted[^1].At + delay;
        }
        // The newest outcome, if it was a decision with a rest ("not interested", a fresh contract), keeps the contact out until its end.
        if (attempts.Count > 0 && attempts.MaxBy(a => a.At) is { } last && !IsAttempt(last.Category) && RestsInForce.TryGetValue(last.Category, out var rest))
        {
            var restEnd = last.At + rest;
            eligible = eligible is { } e && e > restEnd ? e : restEnd;
        }
        var today = now.InZone(zone).Date;
        if (counted.Count(a => a.At.InZone(zone).Date == today) >= MaxAttemptsPerDay)
        {
            var tomorrow = today.PlusDays(1).AtStartOfDayInZone(zone).ToInstant();
            eligible = eligible is { } e && e > tomorrow ? e : tomorrow;
        }
        return new Verdict(eligible is { } at && at > now ? at : null, null);
    }
}

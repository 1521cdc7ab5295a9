namespace Platform.Reporting.Kpis;

/// <summary>
/// A campaign's worst rolling window of the abandon rate (docs/dialer.md, "Campaign report"), judged as the dialer benchmark
/// judges "every rolling window" (bench/dialer-load.sh, its SQL <c>RANGE BETWEEN '30 minutes' PRECEDING AND CURRENT ROW</c>):
/// one window ends at each person reached (connected or dropped); it holds every person reached from <see cref="Length"/>
/// before that moment to that moment, both ends included (everyone reached at that same instant too), and nobody outside the
/// report's range [from, to) (a window near the start of the range is shorter, as the benchmark's near the start of its run).
/// Its rate is drops ÷ people in it. The worst is the highest rate; among equal rates the window holding the most people;
/// among those the earliest.
/// </summary>
/// <remarks>
/// People come in time order, so a range of any length is read once with only one window's people held in memory.
/// </remarks>
public sealed class WorstAbandonWindow(TimeSpan length, DateTimeOffset from, DateTimeOffset to)
{
    /// <summary>A window: its drops and people, when it ended, and its rate rounded to hundredths of a percent as the report shows it.</summary>
    public sealed record Window(int Drops, int People, DateTimeOffset EndedAt)
    {
        public double RatePercent => Math.Round(100.0 * Drops / People, 2);

        /// <summary>Over the cap as the report judges the whole range (<c>CampaignTally.OverCap</c>): the shown rate above it.</summary>
        public bool OverCap(double capPercent) => RatePercent > capPercent;

        /// <summary>Worse: a higher rate (compared exactly, 1 of 3 is 2 of 6), or as high with more people.</summary>
        public bool WorseThan(Window other)
        {
            var (mine, theirs) = ((long)Drops * other.People, (long)other.Drops * People);
            return mine > theirs || (mine == theirs && People > other.People);
        }
    }

    private readonly Queue<(DateTimeOffset At, bool Dropped)> inWindow = new();
    private DateTimeOffset? pendingAt;
    private int drops;
    private Window? worst;

    public TimeSpan Length { get; } = length > TimeSpan.Zero ? length : throw new ArgumentOutOfRangeException(nameof(length));

    /// <summary>A person reached at <paramref name="at"/>, dropped or connected; no earlier than the one before. Someone
    /// reached outside the range is in no window.</summary>
    public void Add(DateTimeOffset at, bool dropped)
    {
        if (pendingAt is { } last && at < last)
        {
            throw new ArgumentException($"People come in time order: {at:O} after {last:O}.", nameof(at));
        }
        if (at < from || at >= to)
        {
            return;
        }
        if (pendingAt is { } previous && at > previous)
        {
            worst = Worse(worst, EndingAt(previous));   // everyone reached at the previous instant is in: its window is complete
        }
        pendingAt = at;
        inWindow.Enqueue((at, dropped));
        if (dropped)
        {
            drops++;
        }
    }

    /// <summary>The worst window of the people added so far; null when nobody was reached.</summary>
    public Window? Worst => pendingAt is { } last ? Worse(worst, EndingAt(last)) : worst;

    /// <summary>The window ending at <paramref name="end"/>, the latest instant added: those reached before its start leave
    /// for good (every later window starts later still).</summary>
    private Window EndingAt(DateTimeOffset end)
    {
        while (inWindow.Peek().At < end - Length)
        {
            if (inWindow.Dequeue().Dropped)
            {
                drops--;
            }
        }
        return new Window(drops, inWindow.Count, end);
    }

    private static Window Worse(Window? so, Window next) => so is null || next.WorseThan(so) ? next : so;

    /// <summary>The worst window of people given in time order (<see cref="Add"/> for each, then <see cref="Worst"/>).</summary>
    public static Window? Of(IEnumerable<(DateTimeOffset At, bool Dropped)> people, TimeSpan length, DateTimeOffset from, DateTimeOffset to)
    {
        var windows = new WorstAbandonWindow(length, from, to);
        foreach (var (at, dropped) in people)
        {
            windows.Add(at, dropped);
        }
        return windows.Worst;
    }
}

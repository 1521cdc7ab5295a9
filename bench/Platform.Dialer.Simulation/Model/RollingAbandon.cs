namespace Platform.Dialer.Simulation.Model;

/// <summary>The abandon rate over every rolling window: for each person who answered, the window of the given length
/// ending at that answer (shorter at the start of the campaign), drops ÷ people answered in it.</summary>
public static class RollingAbandon
{
    public sealed record Worst(double RatePercent, int Drops, int People, double EndsAtSeconds, int WindowsChecked);

    /// <param name="answers">People who answered, in time order: when, and whether they were dropped.</param>
    public static Worst Over(IReadOnlyList<(double At, bool Dropped)> answers, TimeSpan window)
    {
        var worst = new Worst(0, 0, 0, 0, 0);
        var length = window.TotalSeconds;
        int start = 0, drops = 0;
        for (var end = 0; end < answers.Count; end++)
        {
            if (answers[end].Dropped) drops++;
            while (answers[start].At <= answers[end].At - length)
            {
                if (answers[start].Dropped) drops--;
                start++;
            }
            var people = end - start + 1;
            var rate = 100.0 * drops / people;
            if (rate > worst.RatePercent)
            {
                worst = new Worst(rate, drops, people, answers[end].At, 0);
            }
        }
        return worst with { WindowsChecked = answers.Count };
    }
}

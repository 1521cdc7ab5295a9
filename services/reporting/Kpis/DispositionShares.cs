namespace Platform.Reporting.Kpis;

/// <summary>
/// The disposition mix: for each row of a report (an interval, an agent, a group) every disposition written in the range,
/// with its count (0 where that row has none) and its share of the row's results (null when the row has none at all).
/// </summary>
public static class DispositionShares
{
    public sealed record Counted<TRow>(TRow Row, string Disposition, long Count) where TRow : notnull;

    public sealed record Share<TRow>(TRow Row, string Disposition, long Count, long RowTotal, double? Of) where TRow : notnull;

    /// <param name="rows">The report's rows in order; each gets every disposition, zeros included.</param>
    /// <param name="counts">What was written, by row and disposition (a pair at most once).</param>
    public static IReadOnlyList<Share<TRow>> Grid<TRow>(IReadOnlyList<TRow> rows, IEnumerable<Counted<TRow>> counts) where TRow : notnull
    {
        var byPair = counts.ToDictionary(c => (c.Row, c.Disposition), c => c.Count);
        var dispositions = byPair.Keys.Select(k => k.Disposition).Distinct().Order(StringComparer.Ordinal).ToList();
        var totals = byPair.GroupBy(p => p.Key.Row).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
        return [.. rows.SelectMany(row => dispositions.Select(d =>
        {
            var count = byPair.GetValueOrDefault((row, d));
            var total = totals.GetValueOrDefault(row);
            return new Share<TRow>(row, d, count, total, Kpi.Ratio(count, total));
        }))];
    }
}

namespace Platform.CallSimulator.Measuring;

/// <summary>Percentiles by the nearest-rank method: the smallest sample with at least p % of the samples at or below it.</summary>
public static class Percentiles
{
    public static double Of(IReadOnlyList<double> sorted, double percent)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    public static Summary Summarise(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return sorted.Length == 0
            ? new Summary(0, double.NaN, double.NaN, double.NaN, double.NaN)
            : new Summary(sorted.Length, Of(sorted, 50), Of(sorted, 95), Of(sorted, 99), sorted[^1]);
    }

    public sealed record Summary(int Count, double P50, double P95, double P99, double Max)
    {
        public override string ToString() =>
            Count == 0 ? "no samples" : $"p50 {P50:0.0} ms, p95 {P95:0.0} ms, p99 {P99:0.0} ms, max {Max:0.0} ms (n = {Count})";
    }
}

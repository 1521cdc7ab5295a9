namespace Platform.Reporting.Load;

internal static class Percentiles
{
    public static double Of(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static string Summary(IEnumerable<double> values, string unit)
    {
        var sorted = values.Order().ToList();
        return $"n={sorted.Count} p50={Of(sorted, 50):0.0}{unit} p95={Of(sorted, 95):0.0}{unit} p99={Of(sorted, 99):0.0}{unit} max={(sorted.Count > 0 ? sorted[^1] : double.NaN):0.0}{unit}";
    }
}

namespace Platform.Queue.Dialer.Pacing;

/// <summary>The share of dials a person answers, taken at the upper end of its 95 % confidence interval (Wilson): with
/// few results the estimate is high, so the pacer dials fewer calls than the point estimate would.</summary>
internal static class AnswerRate
{
    public static double UpperBound(int humans, int dials, double z = PacingPolicy.AnswerRateConfidenceZ)
    {
        if (dials <= 0)
        {
            return 1;
        }
        var n = (double)dials;
        var p = Math.Clamp((double)humans / dials, 0, 1);
        var z2 = z * z;
        var centre = p + z2 / (2 * n);
        var margin = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return Math.Clamp((centre + margin) / (1 + z2 / n), 0, 1);
    }
}

namespace Platform.CallSimulator.Sampling;

/// <summary>
/// The random draws of a call center: exponential durations (talk, patience) and Poisson arrivals, whose gaps are
/// exponential with mean 1/rate. Plain functions of a <see cref="Random"/>, so a seeded run is repeatable.
/// </summary>
public static class Samplers
{
    /// <summary>An exponentially distributed value with the given mean (inverse transform of a uniform draw).</summary>
    public static double Exponential(Random random, double mean) =>
        mean <= 0 ? 0 : -mean * Math.Log(1 - random.NextDouble()); // 1 - U is in (0, 1]: never log(0)

    /// <summary>The gap to the next arrival of a Poisson process with <paramref name="ratePerSecond"/> arrivals a second.</summary>
    public static TimeSpan NextArrivalGap(Random random, double ratePerSecond) =>
        TimeSpan.FromSeconds(Exponential(random, 1 / ratePerSecond));

    /// <summary>A value drawn evenly from [<paramref name="mean"/> × 0.5, <paramref name="mean"/> × 1.5): wrap-up varies, but not wildly.</summary>
    public static double AroundMean(Random random, double mean) => mean * (0.5 + random.NextDouble());

    public static bool Chance(Random random, double share) => share > 0 && random.NextDouble() < share;
}

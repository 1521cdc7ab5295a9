namespace Platform.Reporting.Kpis;

/// <summary>
/// Erlang C for an inbound queue: Poisson arrivals, exponential handle times, callers who wait. The probability of
/// waiting comes from the Erlang B recursion B(n) = A·B(n−1) / (n + A·B(n−1)), which stays stable for hundreds of agents,
/// and C = N·B / (N − A·(1 − B)).
/// </summary>
public static class ErlangC
{
    /// <summary>Offered traffic in Erlangs: calls per interval × handle time / interval length.</summary>
    public static double Traffic(double calls, double intervalSeconds, double handleSeconds) => calls * handleSeconds / intervalSeconds;

    /// <summary>The probability that a caller waits at all. Needs more agents than Erlangs of traffic.</summary>
    public static double ProbabilityOfWaiting(double trafficErlangs, int agents)
    {
        if (trafficErlangs <= 0)
        {
            return 0;
        }
        if (agents <= trafficErlangs)
        {
            throw new ArgumentOutOfRangeException(nameof(agents), "The queue grows without end unless agents exceed the traffic in Erlangs.");
        }
        var b = 1.0;
        for (var n = 1; n <= agents; n++)
        {
            b = trafficErlangs * b / (n + trafficErlangs * b);
        }
        return agents * b / (agents - trafficErlangs * (1 - b));
    }

    /// <summary>Share of calls answered within <paramref name="thresholdSeconds"/>: 1 − C·e^(−(N−A)·T/AHT).</summary>
    public static double ServiceLevel(double trafficErlangs, int agents, double handleSeconds, double thresholdSeconds) =>
        1 - ProbabilityOfWaiting(trafficErlangs, agents) * Math.Exp(-(agents - trafficErlangs) * thresholdSeconds / handleSeconds);

    /// <summary>Average speed of answer over all calls: C·AHT / (N − A).</summary>
    public static double AverageSpeedOfAnswer(double trafficErlangs, int agents, double handleSeconds) =>
        ProbabilityOfWaiting(trafficErlangs, agents) * handleSeconds / (agents - trafficErlangs);

    public static double Occupancy(double trafficErlangs, int agents) => trafficErlangs / agents;
}

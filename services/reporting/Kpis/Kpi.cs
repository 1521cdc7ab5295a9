namespace Platform.Reporting.Kpis;

/// <summary>The trade's standard measures (shared/domain.md, "How the work is judged"). Null when the base is zero.</summary>
public static class Kpi
{
    /// <summary>A good outbound call takes 3 to 5 minutes (bounds included).</summary>
    public const double BandFromSeconds = 180, BandToSeconds = 300;

    public static double? ServiceLevel(long answeredWithinThreshold, long answered) =>
        Ratio(answeredWithinThreshold, answered);

    public static double? ServiceLevelCountingShortAbandons(long answeredWithinThreshold, long answered, long abandonedWithinThreshold, long abandoned) =>
        Ratio(answeredWithinThreshold + abandonedWithinThreshold, answered + abandoned);

    public static double? AverageSpeedOfAnswer(double answerWaitSeconds, long answered) => Ratio(answerWaitSeconds, answered);

    /// <summary>(Talk, hold included, + wrap-up) / handled calls.</summary>
    public static double? AverageHandleTime(double talkSeconds, double wrapUpSeconds, long handled) => Ratio(talkSeconds + wrapUpSeconds, handled);

    public static double? AbandonmentRate(long abandoned, long offered) => Ratio(abandoned, offered);

    /// <summary>Time busy with calls (on a call, in wrap-up) / time staffed (available, offered, on a call, in wrap-up).</summary>
    public static double? Occupancy(double busySeconds, double staffedSeconds) => Ratio(busySeconds, staffedSeconds);

    public static bool InBand(double callSeconds) => callSeconds is >= BandFromSeconds and <= BandToSeconds;

    public static double? BandShare(long callsInBand, long calls) => Ratio(callsInBand, calls);

    public static double? Ratio(double part, double whole) => whole == 0 ? null : part / whole;
}

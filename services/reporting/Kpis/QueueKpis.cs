namespace Platform.Reporting.Kpis;

/// <summary>
/// A queue's counts over some span (an interval, a day, a week), and the trade's measures derived from them.
/// Durations are sums in seconds. Talk includes hold (the queue service's CallCompleted measures talk from answer to
/// hang-up), so handle time is talk + wrap-up; hold is reported on its own. Every rate is null when it has no base.
/// </summary>
public sealed record QueueCounts(
    long Offered, long Answered, long AnsweredWithinThreshold, long Abandoned, long AbandonedWithinThreshold,
    double AnswerWaitSeconds, double LongestWaitSeconds, long Handled, double TalkSeconds, double HoldSeconds, double WrapUpSeconds,
    long ShortAbandoned = 0, long ExcludedAbandons = 0)
{
    /// <summary>A caller who hangs up within this many seconds (bound included) (unless the queue sets its own) dialled wrong or changed their mind.</summary>
    public const int DefaultShortAbandonSeconds = 5;

    public static readonly QueueCounts Zero = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public QueueCounts Add(QueueCounts other) => new(
        Offered + other.Offered, Answered + other.Answered, AnsweredWithinThreshold + other.AnsweredWithinThreshold,
        Abandoned + other.Abandoned, AbandonedWithinThreshold + other.AbandonedWithinThreshold, AnswerWaitSeconds + other.AnswerWaitSeconds,
        Math.Max(LongestWaitSeconds, other.LongestWaitSeconds), Handled + other.Handled, TalkSeconds + other.TalkSeconds,
        HoldSeconds + other.HoldSeconds, WrapUpSeconds + other.WrapUpSeconds, ShortAbandoned + other.ShortAbandoned,
        ExcludedAbandons + other.ExcludedAbandons);

    /// <summary>Answered within the threshold T / answered.</summary>
    public double? ServiceLevel => Kpi.ServiceLevel(AnsweredWithinThreshold, Answered);

    /// <summary>(Answered within T + abandoned within T) / (answered + abandoned): callers who gave up quickly count as served in time.</summary>
    public double? ServiceLevelCountingShortAbandons =>
        Kpi.ServiceLevelCountingShortAbandons(AnsweredWithinThreshold, Answered, AbandonedWithinThreshold, Abandoned);

    public double? AverageSpeedOfAnswer => Kpi.AverageSpeedOfAnswer(AnswerWaitSeconds, Answered);

    public double? AverageHandleTime => Kpi.AverageHandleTime(TalkSeconds, WrapUpSeconds, Handled);

    /// <summary>
    /// The queue's abandonment rate as it chose to count it: abandoned / offered, less the short abandons its choice then left
    /// out (<see cref="ExcludedAbandons"/>, none for a queue that counts them).
    /// </summary>
    public double? AbandonmentRate => Kpi.AbandonmentRate(Abandoned - ExcludedAbandons, Offered - ExcludedAbandons);

    /// <summary>Abandoned / offered, every caller who hung up counted, whatever the queue chose.</summary>
    public double? AbandonmentRateCountingShortAbandons => Kpi.AbandonmentRate(Abandoned, Offered);

    /// <summary>(Abandoned − short abandons) / (offered − short abandons): short abandons are shown apart, not as lost callers.</summary>
    public double? AbandonmentRateExcludingShortAbandons => Kpi.AbandonmentRate(Abandoned - ShortAbandoned, Offered - ShortAbandoned);

    /// <summary>
    /// The third service-level definition, over every offered call: answered within T / (offered − short abandons); a caller
    /// still waiting at the end of the span counts as not served in time.
    /// </summary>
    public double? ServiceLevelOfOffered => Kpi.ServiceLevel(AnsweredWithinThreshold, Offered - ShortAbandoned);
}

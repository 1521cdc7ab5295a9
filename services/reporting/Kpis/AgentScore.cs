namespace Platform.Reporting.Kpis;

/// <summary>
/// The agent scorecard the trade judges by (shared/domain.md): sales and conversion (results of category sale over calls
/// handled), call length (the share of calls of 3–5 minutes), AHT, customer satisfaction (the post-call survey) and occupancy.
/// A group's score is its agents' figures summed, its rates computed from the sums (not an average of the agents' rates).
/// </summary>
public sealed record AgentScore(
    long CallsHandled, long Sales, long CallsInBand, double TalkSeconds, double WrapUpSeconds, double StaffedSeconds, double BusySeconds,
    SatisfactionRatings Satisfaction)
{
    public static readonly AgentScore None = new(0, 0, 0, 0, 0, 0, 0, SatisfactionRatings.None);

    /// <summary>Sales / calls handled.</summary>
    public double? Conversion => Kpi.Ratio(Sales, CallsHandled);

    public double? BandShare => Kpi.BandShare(CallsInBand, CallsHandled);

    public double? AverageHandleTime => Kpi.AverageHandleTime(TalkSeconds, WrapUpSeconds, CallsHandled);

    public double? Occupancy => Kpi.Occupancy(BusySeconds, StaffedSeconds);

    public AgentScore Add(AgentScore o) => new(CallsHandled + o.CallsHandled, Sales + o.Sales, CallsInBand + o.CallsInBand,
        TalkSeconds + o.TalkSeconds, WrapUpSeconds + o.WrapUpSeconds, StaffedSeconds + o.StaffedSeconds, BusySeconds + o.BusySeconds,
        Satisfaction.Add(o.Satisfaction));

    public static AgentScore Sum(IEnumerable<AgentScore> scores) => scores.Aggregate(None, (a, b) => a.Add(b));
}

using Platform.Reporting.Kpis;

namespace Platform.Reporting.Projects;

/// <summary>
/// A project's headline figures since it started: its queues' calls, the outcomes its agents recorded and what they
/// converted into (meetings set, contracts signed), orders and complaints. Rates are null until there is a base.
/// <paramref name="ExcludedShortAbandons"/>: the short abandons that their queues' choice (<c>shortAbandons: excluded</c>)
/// left out of the abandonment rate when they happened.
/// </summary>
public sealed record ProjectSummary(
    Guid ProjectId, string Name, string Direction, string TimeZone, DateTime StartedAt,
    long CallsOffered, long CallsAnswered, long CallsAbandoned, long CallsHandled,
    long Outcomes, long MeetingsSet, long ContractsSigned, long Orders, long ComplaintsOpened, long ComplaintsResolved,
    long ExcludedShortAbandons)
{
    /// <summary>
    /// Abandoned calls as a share of offered calls, 0–1, each queue's short abandons counted or left out as the queue chose
    /// (the figure the project's intervals and the wallboard give).
    /// </summary>
    public double? AbandonmentRate => Kpi.AbandonmentRate(CallsAbandoned - ExcludedShortAbandons, CallsOffered - ExcludedShortAbandons);

    /// <summary>Abandoned / offered with every caller who hung up counted, whatever the queues chose, 0–1.</summary>
    public double? AbandonmentRateCountingShortAbandons => Kpi.AbandonmentRate(CallsAbandoned, CallsOffered);

    /// <summary>Contracts signed per recorded outcome (call with a result), 0–1.</summary>
    public double? ContractConversion => Outcomes == 0 ? null : (double)ContractsSigned / Outcomes;

    /// <summary>Meetings set per recorded outcome, 0–1.</summary>
    public double? MeetingConversion => Outcomes == 0 ? null : (double)MeetingsSet / Outcomes;

    /// <summary>Complaints opened and not (yet) resolved.</summary>
    public long ComplaintsOpen => Math.Max(0, ComplaintsOpened - ComplaintsResolved);
}

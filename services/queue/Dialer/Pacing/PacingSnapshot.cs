namespace Platform.Queue.Dialer.Pacing;

/// <summary>
/// What the dialer knows of one campaign at one tick, read from PostgreSQL (never kept in a replica's memory), so that
/// whichever replica paces the campaign next decides the same way.
/// </summary>
/// <param name="Mode">The campaign's dial mode.</param>
/// <param name="AgentsIdle">Agents of the campaign available now, with no offer or call.</param>
/// <param name="AgentsFreeingIn">For each agent of the campaign on a call or in wrap-up: the expected time until they are
/// free (the campaign's average handle time less the time already spent, never below zero).</param>
/// <param name="DialsInFlight">Dials placed that have no result yet (ringing at the called party).</param>
/// <param name="AnsweredWaiting">Called parties who answered (a person) and wait for an agent now.</param>
/// <param name="Recent">The campaign's dial results over the rolling window.</param>
/// <param name="AbandonCapPercent">The admin's limit on the abandon rate over the rolling window (3 by default).</param>
/// <param name="AverageRing">Average time from dial to a result, over the window.</param>
/// <param name="AverageHandle">The campaign's average handle time (talk + wrap-up) of connected calls.</param>
/// <param name="PreviousPacedAs">The <see cref="PacingDecision.PacedAs"/> of the campaign's previous decision (kept on the
/// campaign's row), for the hysteresis: a predictive campaign that fell back to progressive stays there until its abandon
/// rate is well under the cap. Null (unknown) paces as if the previous tick was predictive.</param>
/// <param name="AverageTimeToAnswer">Average time from dial to answer of the dials a person answered, over the window;
/// zero (unknown) uses <paramref name="AverageRing"/>.</param>
public sealed record PacingSnapshot(
    DialMode Mode,
    int AgentsIdle,
    IReadOnlyList<TimeSpan> AgentsFreeingIn,
    int DialsInFlight,
    int AnsweredWaiting,
    DialWindowStatistics Recent,
    double AbandonCapPercent,
    TimeSpan AverageRing,
    TimeSpan AverageHandle,
    DialMode? PreviousPacedAs = null,
    TimeSpan AverageTimeToAnswer = default);

/// <summary>Counts of dial results over the rolling window (the last N minutes or dials, as the pacer asks).</summary>
/// <param name="Dials">Dials with a result.</param>
/// <param name="Humans">Answered by a person (connected to an agent or dropped).</param>
/// <param name="Dropped">A person answered and no agent was connected within 2 s (the abandon of outbound dialing).</param>
public sealed record DialWindowStatistics(int Dials, int Humans, int Dropped)
{
    public static readonly DialWindowStatistics Empty = new(0, 0, 0);

    /// <summary>Drops as a percentage of the people who answered (the regulators' definition); 0 before the first.</summary>
    public double AbandonRatePercent => Humans == 0 ? 0 : 100.0 * Dropped / Humans;

    /// <summary>The share of dials a person answered; null before the first result.</summary>
    public double? HumanAnswerRate => Dials == 0 ? null : (double)Humans / Dials;
}

/// <summary>The pacer's answer: how many new dials to place now, in which mode it actually paced, and why.</summary>
public sealed record PacingDecision(int Dials, DialMode PacedAs, string Reason);

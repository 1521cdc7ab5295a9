namespace Platform.Dialer.Simulation.Model;

/// <summary>What one simulated campaign measured.</summary>
public sealed record SimulationReport(
    SimulationSettings Settings,
    int Dials,
    int People,
    int Connected,
    int Dropped,
    double HoursSimulated,
    double IdleSecondsBetweenCalls,
    int CallsAfterIdle,
    double Occupancy,
    RollingAbandon.Worst WorstWindow,
    int PacerDecisions,
    int DecisionsPacedAsProgressive)
{
    public double AbandonRatePercent => People == 0 ? 0 : 100.0 * Dropped / People;

    /// <summary>Mean idle time of an agent between the end of one call and the start of the next.</summary>
    public double MeanIdleSecondsBetweenCalls => CallsAfterIdle == 0 ? 0 : IdleSecondsBetweenCalls / CallsAfterIdle;
}

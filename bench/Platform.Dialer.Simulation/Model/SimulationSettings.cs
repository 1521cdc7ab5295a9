using Platform.Queue.Dialer.Pacing;

namespace Platform.Dialer.Simulation.Model;

/// <summary>One simulated campaign: its list, its agents and its dial mode. The same seed gives the same list (each
/// contact's result and ring time) and the same agents (each agent's sequence of handle times) in every mode.</summary>
public sealed record SimulationSettings(
    DialMode Mode,
    int Dials = 10_000,
    int Agents = 20,
    int Seed = 42,
    double AbandonCapPercent = 3,
    double MeanTalkSeconds = 150,
    double TalkSpreadSeconds = 90,
    double MinWrapUpSeconds = 10,
    double MaxWrapUpSeconds = 40,
    double TickSeconds = 1)
{
    public AnswerMix Mix { get; init; } = AnswerMix.Typical;
}

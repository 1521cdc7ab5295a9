namespace Platform.Reporting.Campaigns;

/// <summary>
/// A campaign's dials counted over a range, and what the trade reads from them: people reached (human: connected to an agent
/// or dropped), and the abandon rate — drops over people reached, as the regulators define it — against the campaign's cap.
/// </summary>
public sealed record CampaignTally(int Dialed, int Connected, int Dropped, int Machine, double AbandonCapPercent)
{
    public const string ConnectedResult = "connected", DroppedResult = "dropped", MachineResult = "answering_machine";

    public int Human => Connected + Dropped;

    public double AbandonRatePercent => Human == 0 ? 0 : Math.Round(100.0 * Dropped / Human, 2);

    public bool OverCap => AbandonRatePercent > AbandonCapPercent;
}

using System.Collections.Concurrent;

namespace Platform.CallSimulator.Campaigns;

/// <summary>What the simulated agents did with the campaigns' people: connected to them, recorded their outcomes, finished those calls.</summary>
public sealed class CampaignLedger
{
    private readonly ConcurrentDictionary<string, int> connected = new();
    private readonly ConcurrentDictionary<string, int> completed = new();
    private readonly ConcurrentDictionary<(string Mode, string Disposition), int> outcomes = new();

    public IReadOnlyDictionary<string, int> ConnectedByMode => connected;
    public IReadOnlyDictionary<string, int> CompletedByMode => completed;

    public void Connected(string mode) => connected.AddOrUpdate(mode, 1, (_, n) => n + 1);

    /// <summary>The outcomes recorded in the CRM, by mode and disposition ("refused 4xx" when the CRM refused one).</summary>
    public IReadOnlyDictionary<(string Mode, string Disposition), int> Outcomes => outcomes;

    public void OutcomeRecorded(string mode, string disposition) => outcomes.AddOrUpdate((mode, disposition), 1, (_, n) => n + 1);

    public void Completed(string mode) => completed.AddOrUpdate(mode, 1, (_, n) => n + 1);
}

using System.Collections.Concurrent;

namespace Platform.CallSimulator.Campaigns;

/// <summary>What the simulated agents did with the campaigns' people: connected to them, and finished those calls.</summary>
public sealed class CampaignLedger
{
    private readonly ConcurrentDictionary<string, int> connected = new();
    private readonly ConcurrentDictionary<string, int> completed = new();

    public IReadOnlyDictionary<string, int> ConnectedByMode => connected;
    public IReadOnlyDictionary<string, int> CompletedByMode => completed;

    public void Connected(string mode) => connected.AddOrUpdate(mode, 1, (_, n) => n + 1);

    public void Completed(string mode) => completed.AddOrUpdate(mode, 1, (_, n) => n + 1);
}

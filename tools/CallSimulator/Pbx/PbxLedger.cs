using System.Collections.Concurrent;

namespace Platform.CallSimulator.Pbx;

/// <summary>
/// What the simulated PBX saw of the command stream: commands by kind, repeats (a command read again before its
/// acknowledgement took), dial results sent, and every device it was asked to ring that was never settled — neither
/// bridged nor told to stop — which a real PBX would ring forever.
/// </summary>
public sealed class PbxLedger
{
    private readonly ConcurrentDictionary<string, int> kinds = new();
    private readonly ConcurrentDictionary<Guid, byte> seen = new();
    private readonly ConcurrentDictionary<(Guid Call, Guid Agent), byte> ringing = new();
    private readonly ConcurrentDictionary<string, int> dialResults = new();
    private int repeats;
    private int signedBatches;
    private int badlySigned;
    private int pushed;

    public IReadOnlyDictionary<string, int> Kinds => kinds;
    public IReadOnlyDictionary<string, int> DialResults => dialResults;
    public int Repeats => repeats;
    /// <summary>Command batches whose signature the PBX checked and found the platform's; and those it did not.</summary>
    public int SignedBatches => signedBatches;
    public int BadlySignedBatches => badlySigned;
    public IReadOnlyCollection<(Guid Call, Guid Agent)> RingingUnsettled => [.. ringing.Keys];

    /// <summary>False when the command was seen before (the PBX does it once).</summary>
    public bool Received(Guid commandId, string kind)
    {
        if (!seen.TryAdd(commandId, 0))
        {
            Interlocked.Increment(ref repeats);
            return false;
        }
        kinds.AddOrUpdate(kind, 1, (_, n) => n + 1);
        return true;
    }

    public void Ringing(Guid call, Guid agent) => ringing.TryAdd((call, agent), 0);

    public void Settled(Guid call, Guid agent) => ringing.TryRemove((call, agent), out _);

    public void SignedBatch() => Interlocked.Increment(ref signedBatches);

    /// <summary>Batches the platform pushed to the simulator's webhook (<c>--pbx-webhook</c>), as opposed to read from the stream.</summary>
    public int PushedBatches => pushed;

    public void Pushed() => Interlocked.Increment(ref pushed);

    public void BadlySigned() => Interlocked.Increment(ref badlySigned);

    public void Dialled(string result) => dialResults.AddOrUpdate(result, 1, (_, n) => n + 1);
}

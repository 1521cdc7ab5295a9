using System.Collections.Concurrent;
using System.Diagnostics;

namespace Platform.CallSimulator.Measuring;

/// <summary>
/// Everything the simulated PBX and agents observed, shared by all of them: the calls, the offers agents see right now
/// (to catch a call offered to two agents at once), double assignments, and failed requests by operation and status.
/// </summary>
public sealed class CallLedger
{
    private readonly ConcurrentDictionary<Guid, CallRecord> calls = new();
    private readonly ConcurrentDictionary<Guid, (Guid Agent, DateTime ExpiresAt)> offeredNow = new();
    private readonly ConcurrentDictionary<string, int> errors = new();
    private readonly ConcurrentQueue<string> doubles = new();
    private readonly ConcurrentQueue<double> arrivalRequestMs = new();
    private int doubleCount, arrivalsFailed, ringNoAnswers, streamReconnects;

    public ICollection<CallRecord> Calls => calls.Values;
    public IReadOnlyDictionary<string, int> Errors => errors;
    public IEnumerable<double> ArrivalRequestMs => arrivalRequestMs;
    public int DoubleAssignments => doubleCount;
    public IReadOnlyCollection<string> DoubleAssignmentExamples => doubles;
    public int ArrivalsFailed => arrivalsFailed;
    public int RingNoAnswers => ringNoAnswers;
    public int StreamReconnects => streamReconnects;

    public CallRecord Call(Guid callId) => calls.GetOrAdd(callId, id => new CallRecord(id));

    /// <summary>How long the PBX waited for the answer to "a call arrived" (the call may be offered before it comes).</summary>
    public void ArrivalAnswered(double requestMs) => arrivalRequestMs.Enqueue(requestMs);

    public void ArrivalFailed() => Interlocked.Increment(ref arrivalsFailed);
    public void RingNoAnswer() => Interlocked.Increment(ref ringNoAnswers);
    public void StreamReconnected() => Interlocked.Increment(ref streamReconnects);

    /// <summary>Setting up answers an expected 404 or two (a project's queue not made yet): the run's errors start after it.</summary>
    public void ForgetErrors() => errors.Clear();

    public void Failed(string operation, int status) => errors.AddOrUpdate($"{operation} {status}", 1, (_, n) => n + 1);

    /// <summary>
    /// An agent's push channel shows <paramref name="callId"/> offered to them. Offered to another agent whose offer has
    /// not run out yet is a double assignment (an offer that expired went back to the queue and may go elsewhere).
    /// </summary>
    public void OfferSeen(Guid callId, Guid agentId, DateTime? expiresAtUtc)
    {
        var call = Call(callId);
        lock (call)
        {
            call.OfferSeenAt ??= Stopwatch.GetTimestamp();
        }
        var mine = (agentId, expiresAtUtc ?? DateTime.MaxValue);
        var holder = offeredNow.AddOrUpdate(callId, mine, (_, other) =>
            other.Agent != agentId && other.ExpiresAt > DateTime.UtcNow.AddMilliseconds(500) ? other : mine);
        if (holder.Agent != agentId)
        {
            DoubleAssignment($"call {callId} offered to agent {agentId} while its offer to agent {holder.Agent} still rings");
        }
    }

    /// <summary>The agent's push channel no longer shows the call offered (answered, withdrawn or expired).</summary>
    public void OfferGone(Guid callId, Guid agentId) =>
        offeredNow.TryRemove(new KeyValuePair<Guid, (Guid, DateTime)>(callId, offeredNow.TryGetValue(callId, out var o) && o.Agent == agentId ? o : default));

    /// <summary>The accept of <paramref name="agentId"/> succeeded; a second successful accept of one call is a double assignment.</summary>
    public void Accepted(CallRecord call, Guid agentId)
    {
        Guid? before;
        lock (call)
        {
            before = call.AcceptedBy;
            call.Accepts++;
            call.AcceptedBy = agentId;
            call.Outcome = CallOutcome.Answered;
        }
        if (before is { } first && first != agentId)
        {
            DoubleAssignment($"call {call.Id} accepted by agent {first} and by agent {agentId}");
        }
        call.Answered.TrySetResult();
    }

    public void Ended(CallRecord call, CallOutcome outcome)
    {
        lock (call)
        {
            call.Outcome = outcome;
        }
        call.Answered.TrySetResult();
    }

    public void DoubleAssignment(string what)
    {
        Interlocked.Increment(ref doubleCount);
        if (doubles.Count < 20)
        {
            doubles.Enqueue(what);
        }
    }
}

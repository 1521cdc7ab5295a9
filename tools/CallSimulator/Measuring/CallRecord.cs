namespace Platform.CallSimulator.Measuring;

/// <summary>
/// One call as the simulator saw it: when the PBX reported it, when an agent's push channel first showed it offered,
/// who accepted it and how it ended. Either side may create it first: an offer can reach an agent before the arrival's
/// own answer reaches the PBX.
/// </summary>
public sealed class CallRecord(Guid id)
{
    public Guid Id { get; } = id;
    /// <summary>Reported by this run; false for a call left waiting by an earlier run that an agent picked up.</summary>
    public bool Ours { get; set; }
    public bool Vip { get; set; }
    /// <summary><see cref="System.Diagnostics.Stopwatch"/> timestamps.</summary>
    public long ArrivalSentAt { get; set; }
    public long? OfferSeenAt { get; set; }
    public Guid? AcceptedBy { get; set; }
    public int Accepts { get; set; }
    public bool Callback { get; set; }
    public CallOutcome Outcome { get; set; } = CallOutcome.Waiting;
    /// <summary>What GET calls/{id} said at the end, when it was read.</summary>
    public string? ServerStatus { get; set; }

    /// <summary>Completes when an agent accepts: the caller stops counting their patience.</summary>
    public TaskCompletionSource Answered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsFinal => Outcome is CallOutcome.Completed or CallOutcome.Abandoned or CallOutcome.Rejected;
}

public enum CallOutcome
{
    Waiting,
    Answered,
    Completed,
    Abandoned,
    Rejected,
}

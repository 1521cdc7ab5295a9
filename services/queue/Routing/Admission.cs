namespace Platform.Queue.Routing;

/// <summary>Whether a call may join a queue, or must go to its overflow queue, or be refused.</summary>
public enum AdmissionVerdict
{
    Join,
    Overflow,
    Reject,
}

public sealed record AdmissionDecision(AdmissionVerdict Verdict, string? Reason);

/// <summary>What a queue knows when a call knocks: its limits and who is logged in.</summary>
public sealed record QueueLoad(int Waiting, int? MaxLength, int LoggedInMembers, bool OverflowWhenNobodyLoggedIn, bool RejectWhenNobodyLoggedIn, bool HasOverflowQueue);

/// <summary>
/// The door of a queue: a full line (max length) or nobody logged in (when the queue says so) sends the call to the
/// overflow queue, or refuses it when there is none. Waiting past the max wait is decided by the sweep with
/// <see cref="WaitedTooLong"/>.
/// </summary>
public static class Admission
{
    public static AdmissionDecision Decide(QueueLoad load)
    {
        if (load.MaxLength is { } max && load.Waiting >= max)
        {
            return Leave(load, $"the queue is full ({max} calls waiting)");
        }
        if (load.LoggedInMembers == 0 && (load.OverflowWhenNobodyLoggedIn || load.RejectWhenNobodyLoggedIn))
        {
            return load.RejectWhenNobodyLoggedIn
                ? new AdmissionDecision(AdmissionVerdict.Reject, "no agent of the queue is logged in")
                : Leave(load, "no agent of the queue is logged in");
        }
        return new AdmissionDecision(AdmissionVerdict.Join, null);
    }

    public static bool WaitedTooLong(DateTimeOffset enqueuedAt, int? maxWaitSeconds, DateTimeOffset now) =>
        maxWaitSeconds is { } max && now - enqueuedAt >= TimeSpan.FromSeconds(max);

    private static AdmissionDecision Leave(QueueLoad load, string reason) =>
        load.HasOverflowQueue ? new AdmissionDecision(AdmissionVerdict.Overflow, reason) : new AdmissionDecision(AdmissionVerdict.Reject, reason);
}

namespace Platform.Queue.Routing;

/// <summary>Whether a call may join a queue, or must go to its overflow queue, or be refused.</summary>
public enum AdmissionVerdict
{
    Join,
    Overflow,
    Reject,
}

public sealed record AdmissionDecision(AdmissionVerdict Verdict, string? Reason);

/// <summary>
/// What a queue knows when a call knocks: its limits and how many of its members can take calls (available, ringing,
/// on a call or in wrap-up; not on a break, not logged out).
/// </summary>
public sealed record QueueLoad(int Waiting, int? MaxLength, int StaffedMembers, bool OverflowWhenNobodyStaffed, bool RejectWhenNobodyStaffed, bool HasOverflowQueue);

/// <summary>
/// The door of a queue: a full line (max length) or nobody able to take calls (when the queue says so) sends the call to
/// the overflow queue, or refuses it when there is none. Waiting past the max wait is decided by the sweep with
/// <see cref="WaitedTooLong"/>. Overflow at the door and past a max wait share one hop limit (<see cref="MaxOverflowHops"/>),
/// so two queues overflowing into each other cannot bounce a call forever.
/// </summary>
public static class Admission
{
    public const int MaxOverflowHops = 3;

    public const string NobodyStaffed = "no agent of the queue can take calls";

    public static AdmissionDecision Decide(QueueLoad load)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (load.MaxLength is { } max && load.Waiting >= max)
        {
            return Leave(load, $"the queue is full ({max} calls waiting)");
        }
        if (load.StaffedMembers == 0 && (load.OverflowWhenNobodyStaffed || load.RejectWhenNobodyStaffed))
        {
            return load.RejectWhenNobodyStaffed ? new AdmissionDecision(AdmissionVerdict.Reject, NobodyStaffed) : Leave(load, NobodyStaffed);
        }
        return new AdmissionDecision(AdmissionVerdict.Join, null);
    }

    /// <summary>What the no-agent rule does to a call already waiting when the queue's last staffed agent left (null: it waits).</summary>
    public static AdmissionDecision? WhenLastAgentLeft(QueueLoad load)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (load.StaffedMembers > 0 || !(load.OverflowWhenNobodyStaffed || load.RejectWhenNobodyStaffed))
        {
            return null;
        }
        return load.RejectWhenNobodyStaffed ? new AdmissionDecision(AdmissionVerdict.Reject, NobodyStaffed) : Leave(load, NobodyStaffed);
    }

    /// <summary>May a call that already overflowed <paramref name="hops"/> times overflow once more?</summary>
    public static bool MayOverflowAgain(int hops) => hops < MaxOverflowHops;

    public static bool WaitedTooLong(DateTimeOffset waitStartedAt, int? maxWaitSeconds, DateTimeOffset now) =>
        maxWaitSeconds is { } max && now - waitStartedAt >= TimeSpan.FromSeconds(max);

    private static AdmissionDecision Leave(QueueLoad load, string reason) =>
        load.HasOverflowQueue ? new AdmissionDecision(AdmissionVerdict.Overflow, reason) : new AdmissionDecision(AdmissionVerdict.Reject, reason);
}

namespace Platform.Contracts.Queue;

/// <summary>
/// A call left its queue because of a limit (too long a wait, too long a line, nobody logged in): moved to
/// <paramref name="ToQueueId"/>, or refused when that is null.
/// </summary>
public sealed record QueueOverflowed(
    Guid TenantId, Guid CallId, Guid QueueId, Guid? ToQueueId, string Reason, DateTimeOffset At) : ITenantEvent;

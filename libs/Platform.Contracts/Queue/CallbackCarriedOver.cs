namespace Platform.Contracts.Queue;

/// <summary>
/// A callback not reached while its project was open waits for the next opening: it is due at <paramref name="DueAt"/> and
/// offered there before the other calls of its queue (VIP callers excepted). <paramref name="DaysCarried"/>: how many
/// days' plans it has been moved to so far (a move past a lunch break within the day does not count).
/// </summary>
public sealed record CallbackCarriedOver(
    Guid TenantId, Guid CallId, Guid QueueId, Guid ProjectId, DateTimeOffset DueAt, int DaysCarried, string Reason, DateTimeOffset At) : ITenantEvent;

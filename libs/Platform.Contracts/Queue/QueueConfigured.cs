namespace Platform.Contracts.Queue;

/// <summary>
/// A queue was created or configured (a project's default queue included): reporting knows it, with zeros, before its
/// first call. <paramref name="ServiceLevelSeconds"/> is the service-level threshold T; <paramref name="ShortAbandonSeconds"/>
/// the wait under which a hang-up counts as a short abandon, when the queue sets one; <paramref name="ShortAbandonsExcluded"/>
/// whether the queue leaves them out of its abandonment rate (null: counted).
/// </summary>
public sealed record QueueConfigured(
    Guid TenantId, Guid QueueId, Guid ProjectId, string Name, int ServiceLevelPercent, int ServiceLevelSeconds, DateTimeOffset At,
    int? ShortAbandonSeconds = null, bool? ShortAbandonsExcluded = null) : ITenantEvent;

namespace Platform.Contracts.Queue;

/// <summary>
/// The caller hung up before an agent answered. <paramref name="ServiceLevelSeconds"/> is the queue's service-level threshold T
/// in force then (reporting judges the abandon by it, in a rebuild too). <paramref name="ShortAbandonSeconds"/> is the queue's
/// short-abandon threshold in force then: a caller who hung up within it is a short abandon (judged by it, in a rebuild too).
/// <paramref name="ShortAbandonsExcluded"/>: whether the queue left short abandons out of its abandonment rate then (null: counted).
/// </summary>
public sealed record CallAbandoned(
    Guid TenantId, Guid CallId, Guid QueueId, Guid ProjectId, double WaitSeconds, DateTimeOffset At, int? ServiceLevelSeconds = null,
    int? ShortAbandonSeconds = null, bool? ShortAbandonsExcluded = null) : ITenantEvent;

namespace Platform.Contracts.Contacts;

/// <summary>A contact moved in its lifecycle. <paramref name="ByUser"/> is null when the platform moved it (cooldown over).</summary>
public sealed record ContactStatusChanged(
    Guid TenantId, Guid ContactId, Guid ProjectId, string From, string To, string Reason, Guid? ByUser, Guid? CallId,
    DateTimeOffset At) : ITenantEvent;

namespace Platform.Contracts.Contacts;

/// <summary>A complaint was resolved.</summary>
public sealed record ComplaintResolved(Guid TenantId, Guid ComplaintId, Guid ContactId, Guid ProjectId, DateTimeOffset OpenedAt, DateTimeOffset At) : ITenantEvent;

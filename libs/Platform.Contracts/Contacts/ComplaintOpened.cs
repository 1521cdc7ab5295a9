namespace Platform.Contracts.Contacts;

/// <summary>A contact complained; the complaint stays open until resolved.</summary>
public sealed record ComplaintOpened(Guid TenantId, Guid ComplaintId, Guid ContactId, Guid ProjectId, Guid? CallId, DateTimeOffset At) : ITenantEvent;

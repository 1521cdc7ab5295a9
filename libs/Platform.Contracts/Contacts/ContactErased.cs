namespace Platform.Contracts.Contacts;

/// <summary>A contact's personal data was erased (a privacy request): every service purges what it holds about them.</summary>
public sealed record ContactErased(Guid TenantId, Guid ContactId, Guid ProjectId, DateTimeOffset At) : ITenantEvent;

namespace Platform.Contracts.Contacts;

/// <summary>A contact granted or withdrew consent for one purpose (data_processing, calls, recording).</summary>
public sealed record ConsentChanged(
    Guid TenantId, Guid ContactId, string Purpose, bool Granted, string Source, DateTimeOffset At, DateTimeOffset? ExpiresAt) : ITenantEvent;

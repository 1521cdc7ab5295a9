namespace Platform.Contracts.Contacts;

/// <summary>A contact ordered something on a call (the amount, when known, in the currency given).</summary>
public sealed record OrderPlaced(Guid TenantId, Guid OrderId, Guid ContactId, Guid ProjectId, decimal? Amount, string? Currency, Guid? CallId, DateTimeOffset At) : ITenantEvent;

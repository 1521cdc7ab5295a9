namespace Platform.Contracts.Contacts;

/// <summary>A contact was added to a project's client base (by hand or by a call-list import).</summary>
public sealed record ContactCreated(Guid TenantId, Guid ContactId, Guid ProjectId, string Status, bool Vip, DateTimeOffset CreatedAt) : ITenantEvent;

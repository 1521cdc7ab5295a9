namespace Platform.Contracts.Contacts;

/// <summary>
/// A contact was added to a project's client base (by hand or by a call-list import). <paramref name="Phone"/>
/// (E.164) and <paramref name="Name"/> let the queue service recognise a caller without asking the CRM while
/// the caller waits; every service that keeps them purges them on <see cref="ContactErased"/>.
/// </summary>
public sealed record ContactCreated(
    Guid TenantId, Guid ContactId, Guid ProjectId, string Status, bool Vip, DateTimeOffset CreatedAt,
    string? Phone = null, string? Name = null) : ITenantEvent;

namespace Platform.Contracts.Contacts;

/// <summary>
/// A contact was added to a project's client base (by hand or by a call-list import). <paramref name="Phone"/>
/// (E.164) and <paramref name="Name"/> let the queue service recognise a caller without asking the CRM while
/// the caller waits; <paramref name="CustomFields"/> (the project's own fields, a JSON object) fill the scripts'
/// <c>{{contact.custom.*}}</c>. Every service that keeps them purges them on <see cref="ContactErased"/>.
/// </summary>
public sealed record ContactCreated(
    Guid TenantId, Guid ContactId, Guid ProjectId, string Status, bool Vip, DateTimeOffset CreatedAt,
    string? Phone = null, string? Name = null, System.Text.Json.JsonElement? CustomFields = null) : ITenantEvent;

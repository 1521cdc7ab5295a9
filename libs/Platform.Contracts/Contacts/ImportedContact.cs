namespace Platform.Contracts.Contacts;

/// <summary>One contact of a <see cref="ContactsImported"/> batch: the same fields as a <see cref="ContactCreated"/>.</summary>
public sealed record ImportedContact(
    Guid ContactId, string Status, bool Vip, string? Phone = null, string? Name = null, System.Text.Json.JsonElement? CustomFields = null);

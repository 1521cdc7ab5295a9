namespace Platform.Contracts.Contacts;

/// <summary>
/// A contact's card was edited (name, company, phone, zone, VIP, custom fields); its status moves only by outcomes
/// (<see cref="ContactStatusChanged"/>). <paramref name="Phone"/> (E.164) and <paramref name="Name"/> are for services that recognise
/// callers; whoever keeps them purges them on <see cref="ContactErased"/>.
/// </summary>
public sealed record ContactUpdated(
    Guid TenantId, Guid ContactId, Guid ProjectId, bool Vip, string Phone, string Name, string TimeZone, DateTimeOffset UpdatedAt,
    System.Text.Json.JsonElement? CustomFields = null) : ITenantEvent;

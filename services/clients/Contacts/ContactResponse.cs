using System.Text.Json;

namespace Platform.Clients.Contacts;

/// <summary>A contact's card, as an agent sees it when the call pops up.</summary>
public sealed class ContactResponse
{
    public Guid Id { get; init; }
    public Guid ProjectId { get; init; }
    public string Kind { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Company { get; init; }
    public string Phone { get; init; } = "";
    public string PhoneRegion { get; init; } = "";
    public string TimeZone { get; init; } = "";
    public bool Vip { get; init; }
    public string Status { get; init; } = "";
    public DateTime? NextContactAt { get; init; }
    public Guid? CallbackAgentId { get; init; }
    public DateTime? CooldownUntil { get; init; }
    public JsonElement CustomFields { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }

    /// <summary>Bumped by every change of the card; sent as the ETag, and an edit may name it in If-Match.</summary>
    public int Version { get; init; }

    public const string Columns = """
        id, project_id, kind, name, company, phone, phone_region, time_zone, vip, status, next_contact_at, callback_agent_id,
        cooldown_until, custom_fields::text AS custom_fields, created_at, updated_at, version
        """;
}

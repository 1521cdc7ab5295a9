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

    /// <summary>A number of several zones that came without its own: every zone it may be in (called only when open in all); else empty.</summary>
    public string[] CallingZones { get; init; } = [];
    public bool Vip { get; init; }
    public string Status { get; init; } = "";
    public DateTime? NextContactAt { get; init; }

    /// <summary>The disposition of the contact's latest outcome (an agent's or a campaign dial's), or null before any.</summary>
    public string? LastDisposition { get; init; }
    public Guid? CallbackAgentId { get; init; }
    public DateTime? CooldownUntil { get; init; }
    public JsonElement CustomFields { get; init; }

    /// <summary>The project's typed custom fields with this card's values: [{key, label, type, required, choices, value}] (a number as a number).</summary>
    public JsonElement TypedFields { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }

    /// <summary>The suppression lists that block this contact's number in its project now (a list of the call center or of its client company).</summary>
    public string[] SuppressedBy { get; init; } = [];

    /// <summary>Why the contact is called no more under the project's recycling rules (the attempts' limit), or null.</summary>
    public string? ClosedReason { get; init; }

    /// <summary>Bumped by every change of the card; sent as the ETag, and an edit may name it in If-Match.</summary>
    public int Version { get; init; }

    /// <summary>The card's columns, for a statement over <c>contacts</c> not aliased.</summary>
    public const string Columns = """
        id, project_id, kind, name, company, phone, phone_region, time_zone, vip, status, next_contact_at, last_disposition, callback_agent_id,
        cooldown_until, custom_fields::text AS custom_fields,
        (SELECT coalesce(jsonb_agg(f.d || jsonb_build_object('value', contacts.custom_fields -> (f.d ->> 'key')) ORDER BY f.n), '[]'::jsonb)::text
         FROM projects p, jsonb_array_elements(p.custom_field_definitions) WITH ORDINALITY AS f(d, n)
         WHERE p.tenant_id = contacts.tenant_id AND p.id = contacts.project_id) AS typed_fields,
        created_at, updated_at, version, calling_zones, closed_reason,
        ARRAY(SELECT l.name FROM suppression_numbers n JOIN suppression_lists l ON l.tenant_id = n.tenant_id AND l.id = n.list_id
              WHERE n.tenant_id = contacts.tenant_id AND n.phone = contacts.phone
                AND (l.client_company_id IS NULL OR l.client_company_id =
                     (SELECT p.client_company_id FROM projects p WHERE p.tenant_id = contacts.tenant_id AND p.id = contacts.project_id))
              ORDER BY l.name) AS suppressed_by
        """;
}

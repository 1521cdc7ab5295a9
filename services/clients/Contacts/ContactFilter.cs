using System.Text.Json.Nodes;
using Dapper;
using NodaTime;
using NodaTime.Text;
using Platform.Clients.Lifecycle;

namespace Platform.Clients.Contacts;

/// <summary>
/// The filters of a contact search, checked once for the search and its CSV export: a phone in any format (the project's
/// country for national numbers), any part of the name (case and accents aside), a status, the latest outcome's
/// disposition, a next contact date range (an instant, or a date: a whole day in the project's zone) and custom fields
/// (<c>key:value</c>, every one must match).
/// </summary>
public sealed record ContactFilter(string? E164, string? NamePart, string? Status, string? Disposition, DateTimeOffset? NextFrom, DateTimeOffset? NextTo,
    string? CustomMatch)
{
    /// <summary>The search's query parameters besides paging (phone, name, status, disposition, date range, custom fields).</summary>
    public sealed record Query(string? Phone, string? Name, string? Status, string? Disposition, string? NextContactFrom, string? NextContactTo,
        string[]? CustomField);

    public const int MaxCustomFields = 10;

    /// <summary>The WHERE conditions on <c>contacts</c> (the parameters of <see cref="Parameters"/>).</summary>
    public const string Where = """
        tenant_id = @TenantId AND project_id = @projectId
          AND (@E164::text IS NULL OR phone = @E164)
          AND (@NamePart::text IS NULL OR search_name LIKE '%' || fold_name(@NamePart) || '%')
          AND (@Status::text IS NULL OR status = @Status)
          AND (@Disposition::text IS NULL OR last_disposition = @Disposition)
          AND (@NextFrom::timestamptz IS NULL OR next_contact_at >= @NextFrom)
          AND (@NextTo::timestamptz IS NULL OR next_contact_at < @NextTo)
          AND (@CustomMatch::text IS NULL OR custom_fields @> CAST(@CustomMatch AS jsonb))
          AND erased_at IS NULL
        """;

    public DynamicParameters Parameters(Guid tenantId, Guid projectId) =>
        new(new { TenantId = tenantId, projectId, E164, NamePart, Status, Disposition, NextFrom = NextFrom?.UtcDateTime, NextTo = NextTo?.UtcDateTime, CustomMatch });

    /// <param name="fieldValue">How a custom field's value is matched (its type in the project); null: as text.</param>
    public static ContactFilter Read(Query query, string projectCountry, DateTimeZone projectZone, Dictionary<string, string[]> errors,
        Func<string, string, JsonNode?>? fieldValue = null)
    {
        if (query.Status is not null && !ContactLifecycle.TryParse(query.Status, out _))
        {
            errors["status"] = [$"One of {string.Join(", ", Enum.GetValues<ContactStatus>().Select(ContactLifecycle.Name))}."];
        }
        if (query.Name is { Length: > 200 } || query.Name?.Any(char.IsControl) == true)
        {
            errors["name"] = ["At most 200 printable characters."];
        }
        if (query.Disposition is not null && (query.Disposition.Length is 0 or > 64 || query.Disposition.Any(char.IsControl)))
        {
            errors["disposition"] = ["A disposition code of the project (1 to 64 printable characters)."];
        }
        string? e164 = null;
        if (query.Phone is not null)
        {
            var (number, problem) = ContactPhone.Normalise(query.Phone, projectCountry);
            if (problem is not null) errors["phone"] = [problem];
            e164 = number?.E164;
        }
        var from = ReadBound(query.NextContactFrom, "nextContactFrom", projectZone, endOfDay: false, errors);
        var to = ReadBound(query.NextContactTo, "nextContactTo", projectZone, endOfDay: true, errors);
        if (from is not null && to is not null && from >= to)
        {
            errors["nextContactTo"] = ["Must be after nextContactFrom."];
        }
        var custom = ReadCustomFields(query.CustomField ?? [], errors, fieldValue ?? ((_, text) => JsonValue.Create(text)));
        // Any part of the name, case and accents aside ("novak" finds "Jana Novák"); LIKE's own characters taken literally.
        var namePart = query.Name?.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
        return new ContactFilter(e164, namePart, query.Status, query.Disposition, from, to, custom);
    }

    /// <summary>An ISO 8601 instant (<c>2026-12-04T08:00:00Z</c>) or a date (<c>2026-12-04</c>: that day in the project's zone; as the end, inclusive).</summary>
    private static DateTimeOffset? ReadBound(string? text, string field, DateTimeZone zone, bool endOfDay, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }
        if (LocalDatePattern.Iso.Parse(text) is { Success: true } date)
        {
            return (endOfDay ? date.Value.PlusDays(1) : date.Value).AtStartOfDayInZone(zone).ToDateTimeOffset();
        }
        if (OffsetDateTimePattern.ExtendedIso.Parse(text) is { Success: true } instant)
        {
            return instant.Value.ToDateTimeOffset();
        }
        errors[field] = ["An ISO 8601 date (2026-12-04, a day in the project's zone) or instant (2026-12-04T08:00:00Z)."];
        return null;
    }

    /// <summary>Every <c>key:value</c> as one JSON containment document (<c>{"tier":"gold"}</c>), matched by the GIN index.</summary>
    private static string? ReadCustomFields(string[] pairs, Dictionary<string, string[]> errors, Func<string, string, JsonNode?> fieldValue)
    {
        if (pairs.Length == 0)
        {
            return null;
        }
        if (pairs.Length > MaxCustomFields)
        {
            errors["customField"] = [$"At most {MaxCustomFields} custom fields."];
            return null;
        }
        var document = new JsonObject();
        foreach (var pair in pairs)
        {
            var colon = pair.IndexOf(':');
            var key = colon > 0 ? pair[..colon].Trim() : "";
            if (key.Length is 0 or > 64 || pair.Any(char.IsControl) || document.ContainsKey(key))
            {
                errors["customField"] = ["key:value (a key of 1 to 64 characters, each key once), e.g. customField=tier:gold."];
                return null;
            }
            var value = fieldValue(key, pair[(colon + 1)..].Trim());
            if (value is null)
            {
                errors[$"customField.{key}"] = [$"Not a value of the custom field '{key}'."];
                return null;
            }
            document[key] = value;
        }
        return document.ToJsonString();
    }
}

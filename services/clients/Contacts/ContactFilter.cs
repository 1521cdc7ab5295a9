using Platform.Clients.Lifecycle;

namespace Platform.Clients.Contacts;

/// <summary>
/// The filters of a contact search, checked once for the search and its CSV export: a phone in any format (the project's
/// country for national numbers), any part of the name (case and accents aside), a status.
/// </summary>
public sealed record ContactFilter(string? E164, string? NamePart, string? Status)
{
    /// <summary>The WHERE conditions on <c>contacts</c> (parameters <c>@TenantId</c>, <c>@projectId</c>, <c>@E164</c>, <c>@NamePart</c>, <c>@Status</c>).</summary>
    public const string Where = """
        tenant_id = @TenantId AND project_id = @projectId
          AND (@E164::text IS NULL OR phone = @E164)
          AND (@NamePart::text IS NULL OR search_name LIKE '%' || fold_name(@NamePart) || '%')
          AND (@Status::text IS NULL OR status = @Status)
          AND erased_at IS NULL
        """;

    public static ContactFilter Read(string? phone, string? name, string? status, string projectCountry, Dictionary<string, string[]> errors)
    {
        if (status is not null && !ContactLifecycle.TryParse(status, out _))
        {
            errors["status"] = [$"One of {string.Join(", ", Enum.GetValues<ContactStatus>().Select(ContactLifecycle.Name))}."];
        }
        if (name is { Length: > 200 } || name?.Any(char.IsControl) == true)
        {
            errors["name"] = ["At most 200 printable characters."];
        }
        string? e164 = null;
        if (phone is not null)
        {
            var (number, problem) = ContactPhone.Normalise(phone, projectCountry);
            if (problem is not null) errors["phone"] = [problem];
            e164 = number?.E164;
        }
        // Any part of the name, case and accents aside ("novak" finds "Jana Novák"); LIKE's own characters taken literally.
        var namePart = name is null ? null : name.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
        return new ContactFilter(e164, namePart, status);
    }
}

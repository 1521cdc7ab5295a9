using System.Text.Json;
using NodaTime;

namespace Platform.Clients.Contacts;

/// <summary>The rules for adding a contact, as plain C#: every problem at once, by field.</summary>
/// <param name="CallingZones">
/// A number of several zones given no zone of its own: every zone it may be in, and a call only when the calendar is open
/// in all of them (the narrowest window, never a call at night); empty otherwise.
/// </param>
public sealed record NewContact(string Kind, string Name, string? Company, ContactPhone.Normalised Phone, string TimeZone, bool Vip, JsonElement? CustomFields,
    string[] CallingZones)
{
    public const int MaxNameLength = 200;
    public const int MaxCustomFieldsBytes = 16 * 1024;

    /// <param name="defaultRegion">The project's country, for numbers written without a country code.</param>
    /// <param name="projectZone">The contact's zone when neither given nor told by the number.</param>
    /// <param name="addressRegion">
    /// The region of the contact's address (ISO 3166-2, e.g. US-TX, or TX with the number's country): without an explicit
    /// zone, the contact's zones are the region's (<see cref="AddressZones"/>) instead of every zone of the number.
    /// </param>
    public static (NewContact? Contact, Dictionary<string, string[]> Errors) From(string? kind, string? name, string? company, string? phone,
        string? timeZone, bool? vip, JsonElement? customFields, string defaultRegion, string projectZone, string? addressRegion = null)
    {
        var errors = new Dictionary<string, string[]>();
        var resolvedKind = kind ?? "person";
        if (resolvedKind is not ("person" or "company"))
        {
            errors["kind"] = ["person or company."];
        }
        var trimmedName = name?.Trim() ?? "";
        if (trimmedName.Length is 0 or > MaxNameLength || trimmedName.Any(char.IsControl))
        {
            errors["name"] = [$"1 to {MaxNameLength} printable characters."];
        }
        var trimmedCompany = string.IsNullOrWhiteSpace(company) ? null : company.Trim();
        if (trimmedCompany is { Length: > MaxNameLength } || trimmedCompany?.Any(char.IsControl) == true)
        {
            errors["company"] = [$"At most {MaxNameLength} printable characters."];
        }
        var (number, problem) = ContactPhone.Normalise(phone, defaultRegion);
        if (problem is not null)
        {
            errors["phone"] = [problem];
        }
        if (timeZone is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone) is null)
        {
            errors["timeZone"] = ["Time zone must be an IANA zone id such as Europe/Prague."];
        }
        string[]? regionZones = null;
        if (!string.IsNullOrWhiteSpace(addressRegion) && number is not null && AddressZones.Covers(addressRegion, number.Region)
            && (regionZones = AddressZones.Of(addressRegion, number.Region)) is null)
        {
            errors["region"] = [$"'{addressRegion.Trim()}' is not a region of {(addressRegion.Contains('-') ? addressRegion.Trim()[..addressRegion.Trim().IndexOf('-')].ToUpperInvariant() : number.Region)} "
                + "as ISO 3166-2 names it, such as US-TX, AU-NSW, BR-SP or RU-MOW."];
        }
        if (customFields is { } fields && (fields.ValueKind != JsonValueKind.Object || fields.GetRawText().Length > MaxCustomFieldsBytes))
        {
            errors["customFields"] = [$"A JSON object of at most {MaxCustomFieldsBytes / 1024} kB."];
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        // An explicit zone wins; then the address's region (a region of two zones narrowed by the number's own, when they
        // share one); then the number's zones. Several zones: the narrowest window across them.
        var shared = regionZones?.Intersect(number!.AllZones).ToArray();
        var zones = timeZone is not null ? [timeZone] : shared is { Length: > 0 } ? shared : regionZones ?? number!.AllZones;
        return (new NewContact(resolvedKind, trimmedName, trimmedCompany, number!, zones.FirstOrDefault() ?? projectZone,
            vip ?? false, customFields, zones.Length > 1 ? zones : []), errors);
    }
}

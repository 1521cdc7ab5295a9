using System.Text.Json;
using Platform.Clients.Contacts;
using Platform.Clients.CustomFields;

namespace Platform.Clients.Imports;

/// <summary>One line of a call list turned into a contact, or the reason it cannot be, by column (plain C#).</summary>
public static class ImportRow
{
    public sealed record Problem(string Column, string Reason);

    public static (NewContact? Contact, Problem? Problem) Read(IReadOnlyList<string> header, IReadOnlyList<string?> fields, ResolvedColumns columns,
        string defaultRegion, string projectZone, IReadOnlyList<CustomFieldDefinition>? typedFields = null)
    {
        string? At(int? index) => index is { } i && i < fields.Count && !string.IsNullOrWhiteSpace(fields[i]) ? fields[i]!.Trim() : null;
        bool? vip = null;
        if (At(columns.Vip) is { } vipText)
        {
            vip = vipText.ToLowerInvariant() switch
            {
                "1" or "true" or "yes" or "y" or "vip" => true,
                "0" or "false" or "no" or "n" => false,
                _ => null,
            };
            if (vip is null)
            {
                return (null, new Problem(header[columns.Vip!.Value], $"'{vipText}' is not yes/no."));
            }
        }
        var region = defaultRegion;
        if (At(columns.Country) is { } country)
        {
            region = country.ToUpperInvariant();
            if (!PhoneNumbers.PhoneNumberUtil.GetInstance().GetSupportedRegions().Contains(region))
            {
                return (null, new Problem(header[columns.Country!.Value], $"'{country}' is not an ISO 3166 country code such as CZ."));
            }
        }
        JsonElement? custom = null;
        if (columns.CustomFields.Length > 0)
        {
            custom = JsonSerializer.SerializeToElement(columns.CustomFields.ToDictionary(c => c.Header, c => At(c.Index)));
        }
        var (contact, errors) = NewContact.From(At(columns.Kind), At(columns.Name), At(columns.Company), At(columns.Phone), At(columns.TimeZone), vip,
            custom, region, projectZone, At(columns.Region));
        if (contact is not null)
        {
            var (typed, unfit) = CustomFieldRules.Apply(typedFields ?? [], contact.CustomFields);
            if (unfit.Count == 0)
            {
                return (contact with { CustomFields = typed }, null);
            }
            var (key, why) = unfit.First();
            var fieldKey = key["customFields.".Length..];
            var fieldColumn = columns.CustomFields.FirstOrDefault(c => c.Header == fieldKey);
            return (null, new Problem(fieldColumn.Header is null ? key : header[fieldColumn.Index], why[0]));
        }
        var (field, reasons) = errors.First();
        var column = field switch
        {
            "name" => columns.Name,
            "phone" => columns.Phone,
            "company" => columns.Company,
            "kind" => columns.Kind,
            "timeZone" => columns.TimeZone,
            "region" => columns.Region,
            _ => null,
        };
        return (null, new Problem(column is { } i ? header[i] : field, reasons[0]));
    }
}

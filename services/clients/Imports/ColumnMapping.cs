namespace Platform.Clients.Imports;

/// <summary>
/// Which column of the file holds which field of a contact. Left out, a field is read from the column of its own name
/// (case does not matter). <c>name</c> and <c>phone</c> must be found; <c>customFields</c> names columns kept as they are.
/// </summary>
/// <param name="Country">The column of each row's country (ISO 3166, e.g. CZ), for numbers written without a country code; else the project's.</param>
/// <param name="Region">The column of the region of each row's address (ISO 3166-2, e.g. US-TX): the contact's zone when the row gives none.</param>
public sealed record ColumnMapping(string? Name, string? Phone, string? Company, string? Kind, string? TimeZone, string? Vip, string[]? CustomFields,
    string? Country = null, string? Region = null)
{
    public static ColumnMapping Default { get; } = new(null, null, null, null, null, null, null);

    /// <summary>The column index of each field in this header, or every problem by field.</summary>
    public (ResolvedColumns? Columns, Dictionary<string, string[]> Errors) Resolve(IReadOnlyList<string> header)
    {
        var errors = new Dictionary<string, string[]>();
        int? Find(string field, string? column, bool required)
        {
            var wanted = column ?? field;
            var index = header.ToList().FindIndex(h => string.Equals(h.Trim(), wanted, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                return index;
            }
            if (required || column is not null)
            {
                errors[$"mapping.{field}"] = [$"No column '{wanted}' in the file's header ({string.Join(", ", header)})."];
            }
            return null;
        }
        var columns = new ResolvedColumns(
            Find("name", Name, true) ?? -1, Find("phone", Phone, true) ?? -1, Find("company", Company, false), Find("kind", Kind, false),
            Find("timeZone", TimeZone, false), Find("vip", Vip, false),
            (CustomFields ?? []).Select(c => (c, Find($"customFields.{c}", c, true))).Where(x => x.Item2 is not null).Select(x => (x.c, x.Item2!.Value)).ToArray(),
            Find("country", Country, false), Find("region", Region, false));
        return errors.Count > 0 ? (null, errors) : (columns, errors);
    }
}

public sealed record ResolvedColumns(int Name, int Phone, int? Company, int? Kind, int? TimeZone, int? Vip, (string Header, int Index)[] CustomFields,
    int? Country = null, int? Region = null);

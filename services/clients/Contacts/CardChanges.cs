using System.Text.Json;

namespace Platform.Clients.Contacts;

/// <summary>What an edit changed on a card, field by field (custom fields by key), as the history shows it: from, to. Plain C#.</summary>
public static class CardChanges
{
    public sealed record Card(string Kind, string Name, string? Company, string Phone, string TimeZone, bool Vip, string CustomFields);
    public sealed record Change(string Field, string? From, string? To);

    public static IReadOnlyList<Change> Between(Card before, Card after)
    {
        var changes = new List<Change>();
        void Compare(string field, string? from, string? to)
        {
            if (!string.Equals(from, to, StringComparison.Ordinal))
            {
                changes.Add(new Change(field, from, to));
            }
        }
        Compare("kind", before.Kind, after.Kind);
        Compare("name", before.Name, after.Name);
        Compare("company", before.Company, after.Company);
        Compare("phone", before.Phone, after.Phone);
        Compare("timeZone", before.TimeZone, after.TimeZone);
        Compare("vip", before.Vip ? "true" : "false", after.Vip ? "true" : "false");
        var (from, to) = (Fields(before.CustomFields), Fields(after.CustomFields));
        foreach (var key in from.Keys.Union(to.Keys).Order(StringComparer.Ordinal))
        {
            Compare($"customFields.{key}", from.GetValueOrDefault(key), to.GetValueOrDefault(key));
        }
        return changes;
    }

    /// <summary>A custom field's value as text: a string as it is, anything else as its JSON.</summary>
    private static Dictionary<string, string?> Fields(string json)
    {
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
        return document.RootElement.ValueKind != JsonValueKind.Object
            ? []
            : document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.Null => null,
                _ => p.Value.GetRawText(),
            });
    }
}

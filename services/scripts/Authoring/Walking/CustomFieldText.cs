using System.Globalization;
using System.Text.Json;

namespace Platform.Scripts.Authoring.Walking;

/// <summary>
/// A contact's custom fields (a JSON object) as the texts <c>{{contact.custom.&lt;field&gt;}}</c> stand for: strings as
/// they are, numbers and booleans (true, false) as written, a list as its items joined by ", "; a nested object or null is no text.
/// </summary>
public static class CustomFieldText
{
    public static IEnumerable<(string Field, string Text)> Of(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            yield break;
        }
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (TextOf(property.Value) is { } text)
            {
                yield return (property.Name, text);
            }
        }
    }

    private static string? TextOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetDecimal(out var number) ? number.ToString(CultureInfo.InvariantCulture) : value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(TextOf).OfType<string>()),
        _ => null,
    };
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NodaTime.Text;

namespace Platform.Clients.CustomFields;

/// <summary>
/// The project's typed custom fields, as plain C#: which definitions are sound, and a card's values checked and stored by
/// type (a number as a JSON number, a date as <c>yyyy-MM-dd</c>, a choice in its defined spelling). Keys the project does
/// not define are kept as they are.
/// </summary>
public static partial class CustomFieldRules
{
    public static readonly string[] Types = ["text", "number", "date", "choice"];
    public const int MaxFields = 50;
    public const int MaxChoices = 100;

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,63}$")]
    private static partial Regex KeyPattern();

    /// <summary>The definitions as stored (labels defaulted, choices only on a choice), or every problem by position.</summary>
    public static (CustomFieldDefinition[]? Fields, Dictionary<string, string[]> Errors) Check(IReadOnlyList<CustomFieldDefinition?>? fields)
    {
        var errors = new Dictionary<string, string[]>();
        if (fields is null || fields.Count > MaxFields)
        {
            errors["$"] = [$"A list of at most {MaxFields} custom fields."];
            return (null, errors);
        }
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var written = new List<CustomFieldDefinition>();
        for (var i = 0; i < fields.Count; i++)
        {
            var problems = new List<string>();
            var field = fields[i];
            if (field?.Key is not { } key || !KeyPattern().IsMatch(key))
            {
                problems.Add("key: a letter, then letters, digits or _ (at most 64).");
            }
            else if (!keys.Add(key))
            {
                problems.Add($"key: '{key}' is defined twice.");
            }
            var label = string.IsNullOrWhiteSpace(field?.Label) ? field?.Key : field.Label.Trim();
            if (label is { Length: > 100 } || label?.Any(char.IsControl) == true)
            {
                problems.Add("label: at most 100 printable characters.");
            }
            if (field?.Type is not { } type || !Types.Contains(type))
            {
                problems.Add($"type: one of {string.Join(", ", Types)}.");
            }
            var choices = field?.Choices?.Select(c => c?.Trim() ?? "").ToArray();
            if (field?.Type == "choice")
            {
                if (choices is null || choices.Length is 0 or > MaxChoices || choices.Any(c => c.Length is 0 or > 100)
                    || choices.Distinct(StringComparer.OrdinalIgnoreCase).Count() != choices.Length)
                {
                    problems.Add($"choices: 1 to {MaxChoices} different choices of 1 to 100 characters.");
                }
            }
            else if (choices is { Length: > 0 })
            {
                problems.Add("choices: only a choice field has choices.");
            }
            if (problems.Count > 0)
            {
                errors[$"[{i}]"] = [.. problems];
                continue;
            }
            written.Add(new CustomFieldDefinition(field!.Key, label, field.Type, field.Required ?? false, field.Type == "choice" ? choices : null));
        }
        return errors.Count > 0 ? (null, errors) : ([.. written], errors);
    }

    /// <summary>
    /// A card's custom fields checked against the project's definitions: the values stored by type, or the problems keyed
    /// <c>customFields.&lt;key&gt;</c> (the caller's 422).
    /// </summary>
    public static (JsonElement? Values, Dictionary<string, string[]> Errors) Apply(IReadOnlyList<CustomFieldDefinition> fields, JsonElement? values)
    {
        var errors = new Dictionary<string, string[]>();
        if (fields.Count == 0)
        {
            return (values, errors);
        }
        var card = values is { ValueKind: JsonValueKind.Object } given ? JsonNode.Parse(given.GetRawText())!.AsObject() : new JsonObject();
        foreach (var field in fields)
        {
            var key = field.Key!;
            var present = card.TryGetPropertyValue(key, out var node) && node is not null
                && !(node.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(node.GetValue<string>()));
            if (!present)
            {
                card.Remove(key);
                if (field.Required == true)
                {
                    errors[$"customFields.{key}"] = [$"'{field.Label}' is required."];
                }
                continue;
            }
            var text = node!.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
            if (Typed(field, text, node.GetValueKind()) is { } typed)
            {
                card[key] = typed;
            }
            else
            {
                errors[$"customFields.{key}"] = [Expected(field)];
            }
        }
        return errors.Count > 0 ? (null, errors) : (JsonSerializer.SerializeToElement(card), errors);
    }

    /// <summary>A search's value for a field (as text from the query) in the field's type; null when it is no value of it. A key not defined is text.</summary>
    public static JsonNode? SearchValue(IReadOnlyList<CustomFieldDefinition> fields, string key, string text) =>
        fields.FirstOrDefault(f => f.Key == key) is { } field ? Typed(field, text, JsonValueKind.String) : JsonValue.Create(text);

    private static JsonNode? Typed(CustomFieldDefinition field, string text, JsonValueKind kind)
    {
        text = text.Trim();
        switch (field.Type)
        {
            case "number":
                // A national list may write 12,5: a comma without a point is the decimal separator.
                var invariant = text.Contains('.') ? text : text.Replace(',', '.');
                return decimal.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                    ? JsonValue.Create(number) : null;
            case "date":
                return kind == JsonValueKind.String && LocalDatePattern.Iso.Parse(text) is { Success: true } date
                    ? JsonValue.Create(LocalDatePattern.Iso.Format(date.Value)) : null;
            case "choice":
                return field.Choices!.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase)) is { } choice
                    ? JsonValue.Create(choice) : null;
            default:
                return kind is JsonValueKind.String or JsonValueKind.Number && text.Length <= 1000 && !text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t')
                    ? JsonValue.Create(text) : null;
        }
    }

    private static string Expected(CustomFieldDefinition field) => field.Type switch
    {
        "number" => $"'{field.Label}' is a number (such as 12.5).",
        "date" => $"'{field.Label}' is a date (yyyy-MM-dd, such as 2026-12-04).",
        "choice" => $"'{field.Label}' is one of {string.Join(", ", field.Choices!)}.",
        _ => $"'{field.Label}' is text of at most 1000 characters.",
    };
}

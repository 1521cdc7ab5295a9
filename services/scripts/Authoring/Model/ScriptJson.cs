using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Scripts.Authoring.Validation;

namespace Platform.Scripts.Authoring.Model;

/// <summary>Reads and writes the script document as JSON (camelCase, steps told apart by their <c>type</c>).</summary>
public static class ScriptJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        AllowOutOfOrderMetadataProperties = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = 16,
    };

    /// <summary>The document, or the one reason it cannot be read (with the JSON path where reading stopped).</summary>
    public static (ScriptDocument? Script, ScriptError? Error) Read(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            return (null, new ScriptError(null, "", ScriptErrorCodes.Malformed, "A script is a JSON object with name, mode, start and steps."));
        }
        try
        {
            var script = json.Deserialize<ScriptDocument>(Options);
            return script is null
                ? (null, new ScriptError(null, "", ScriptErrorCodes.Malformed, "A script is a JSON object with name, mode, start and steps."))
                : (script, null);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or FormatException)
        {
            var path = e is JsonException { Path: { } p } ? p.TrimStart('$').TrimStart('.') : "";
            return (null, new ScriptError(null, path, ScriptErrorCodes.Malformed, Describe(e)));
        }
    }

    public static string Write(ScriptDocument script) => JsonSerializer.Serialize(script, Options);

    public static JsonElement ToElement(ScriptDocument script) => JsonSerializer.SerializeToElement(script, Options);

    private static string Describe(Exception e)
    {
        var message = e.Message;
        // Keep the reader's own words but not the .NET type names it names.
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        return message.Contains("Platform.", StringComparison.Ordinal) || message.Contains("System.", StringComparison.Ordinal)
            ? "The script does not have the expected shape here (every step needs an id and a type: say, question, branch, objection, transfer or end)."
            : message;
    }
}

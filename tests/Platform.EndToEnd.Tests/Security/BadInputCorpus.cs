using System.Text;
using System.Text.Json.Nodes;

namespace Platform.EndToEnd.Tests.Security;

/// <summary>
/// Bad input, kept in the tests: whole bodies that are not what the operation reads, and for each field of a valid
/// body, values it must refuse. Free-text fields (names, passwords) take SQL- and script-like text as the literal
/// text it is (stored verbatim, see <see cref="HostileTextTests"/>); every other field must refuse it.
/// </summary>
internal static class BadInputCorpus
{
    public sealed record Case(string Name, Func<HttpContent> Body);

    public const string SqlLike = "' OR '1'='1'; DROP TABLE projects; --";
    public const string ScriptLike = "<script>alert(document.cookie)</script>";
    private const string ControlCharacters = "bad\u0000nul\u0007bell\u001bescape";

    public static IEnumerable<Case> WholeBodies()
    {
        yield return Raw("empty body", "");
        yield return Raw("truncated JSON", """{"name": "x", """);
        yield return Raw("not JSON", "name=x&direction=inbound");
        yield return Raw("JSON array", "[1, 2, 3]");
        yield return Raw("JSON null", "null");
        yield return Raw("JSON string", "\"hello\"");
        yield return Raw("JSON number", "42");
        yield return Raw("two documents", """{"a": 1}{"b": 2}""");
        yield return Raw("single quotes", "{'name': 'x'}");
        yield return Raw("comment", """{"name": "x" /* hi */}""");
        yield return Raw("trailing comma", """{"name": "x",}""");
        yield return Raw("deep nesting (500 levels)", "{\"name\":" + new string('[', 500) + new string(']', 500) + "}");
        yield return Raw("huge body (2 MB)", "{\"name\":\"" + new string('x', 2 * 1024 * 1024) + "\"}");
        yield return new Case("invalid UTF-8", () => Bytes([.. "{\"name\":\""u8, 0xC3, 0x28, 0xFF, 0xFE, .. "\"}"u8], "application/json"));
        yield return new Case("text/plain", () => new StringContent("""{"name":"x"}""", Encoding.UTF8, "text/plain"));
        yield return new Case("application/xml", () => new StringContent("<project><name>x</name></project>", Encoding.UTF8, "application/xml"));
    }

    public static IEnumerable<Case> FieldValues(string operationId, IReadOnlyDictionary<string, string> ids)
    {
        var sample = Samples.Body(operationId, ids);
        foreach (var field in Samples.Fields(operationId))
        {
            // Wrong for the field's own kind (a list where the sample has none: the optional projectIds).
            var kind = (sample as JsonObject)?[field.Name]?.GetValueKind() ?? System.Text.Json.JsonValueKind.Array;
            var wrongValues = new List<(string, JsonNode?)>
            {
                ("control characters", ControlCharacters),
                ("5,000 characters", new string('a', 5000)),
            };
            if (kind == System.Text.Json.JsonValueKind.Number)
            {
                wrongValues.Add(("a negative number", -12345));
                wrongValues.Add(("a word", "twelve"));
            }
            else
            {
                wrongValues.Add(("a number", 12345));
            }
            if (kind != System.Text.Json.JsonValueKind.Object)
            {
                wrongValues.Add(("an object", new JsonObject { ["x"] = 1 }));
            }
            if (kind is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
            {
                wrongValues.Add(("a boolean", true));
            }
            if (kind == System.Text.Json.JsonValueKind.Array)
            {
                wrongValues.Add(("a string instead of a list", "admin"));
                wrongValues.Add(("a list of numbers", new JsonArray(1, 2)));
                wrongValues.Add(("a list with control characters", new JsonArray(ControlCharacters)));
            }
            else
            {
                wrongValues.Add(("a list", new JsonArray("x")));
            }
            if (field.Required)
            {
                wrongValues.Add(("null", null));
            }
            if (!field.FreeText)
            {
                wrongValues.Add(("SQL-like text", field.Name is "roles" or "projectIds" ? new JsonArray(SqlLike) : SqlLike));
                wrongValues.Add(("script-like text", field.Name is "roles" or "projectIds" ? new JsonArray(ScriptLike) : ScriptLike));
            }
            foreach (var (what, value) in wrongValues)
            {
                yield return new Case($"{field.Name} = {what}", () =>
                {
                    var body = (JsonObject)Samples.Body(operationId, ids);
                    body[field.Name] = value?.DeepClone();
                    return Samples.Json(body);
                });
            }
            if (field.Required)
            {
                yield return new Case($"{field.Name} missing", () =>
                {
                    var body = (JsonObject)Samples.Body(operationId, ids);
                    body.Remove(field.Name);
                    return Samples.Json(body);
                });
            }
        }
    }

    /// <summary>Path parameters that are not ids (already URL-encoded where needed).</summary>
    public static readonly string[] PathValues =
    [
        "'%20OR%20'1'%3D'1'%3B%20--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "..%2F..%2Fetc%2Fpasswd", "null", "-1", // (%00 cannot be sent through the in-process test server; Kestrel answers it 400)
        "00000000-0000-0000-0000-00000000000G", new string('a', 5000),
    ];

    private static Case Raw(string name, string json) => new(name, () => new StringContent(json, Encoding.UTF8, "application/json"));

    private static ByteArrayContent Bytes(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        return content;
    }
}

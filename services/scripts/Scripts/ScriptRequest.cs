using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Scripts.Authoring.Validation;

namespace Platform.Scripts.Scripts;

/// <summary>
/// Reads a script document from the request body. Malformed JSON is an error of the script like any other: 422 with
/// where the reading stopped (the framework would answer a bare 400).
/// </summary>
public static class ScriptRequest
{
    public static async Task<(JsonElement Body, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasJsonContentType())
        {
            return (default, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "The request body is not JSON.", detail: "Send the script as application/json."));
        }
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 64 }, ct);
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
            return (default, ScriptProblems.Invalid(
                [new ScriptError(null, "", ScriptErrorCodes.Malformed, $"The body is not valid JSON{where}.")], "The script cannot be read."));
        }
    }
}

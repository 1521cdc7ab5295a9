using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.EndToEnd.Tests.Security;

/// <summary>One operation of one OpenAPI document, as the gateway publishes it.</summary>
internal sealed partial record Operation(string Document, string Method, string Path, string OperationId, bool HasBody)
{
    public IReadOnlyList<string> Parameters => PathParameter().Matches(Path).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The path with each <c>{parameter}</c> replaced; a parameter without a value fails the test that forgot it.</summary>
    public string Resolve(IReadOnlyDictionary<string, string> values) =>
        PathParameter().Replace(Path, m => values.TryGetValue(m.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"{OperationId}: no value for path parameter '{m.Groups[1].Value}'; teach the security tests about it."));

    public HttpRequestMessage Request(IReadOnlyDictionary<string, string> values, HttpContent? body) =>
        new(new HttpMethod(Method), Resolve(values)) { Content = body };

    public override string ToString() => $"{Method} {Path} ({OperationId})";

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex PathParameter();
}

/// <summary>Every operation of every service, read from the OpenAPI documents the gateway serves: new operations join the sweeps by themselves.</summary>
internal static class ApiSurface
{
    private static readonly string[] Documents =
        ["/openapi/clients.json", "/openapi/queue.json", "/openapi/scripts.json", "/openapi/reporting.json", "/openapi/v1.json"];

    public static async Task<IReadOnlyList<Operation>> OperationsAsync(HttpClient gateway)
    {
        var operations = new List<Operation>();
        foreach (var document in Documents)
        {
            using var json = JsonDocument.Parse(await gateway.GetStringAsync(document));
            foreach (var path in json.RootElement.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal)))
            {
                foreach (var method in path.Value.EnumerateObject().Where(m => m.Name is "get" or "post" or "put" or "patch" or "delete"))
                {
                    operations.Add(new Operation(document, method.Name.ToUpperInvariant(), path.Name,
                        method.Value.GetProperty("operationId").GetString()!, method.Value.TryGetProperty("requestBody", out _)));
                }
            }
        }
        return operations;
    }
}

using System.Text.Json;
using Xunit;

namespace Platform.Web.Tests.ApiExplorer;

/// <summary>
/// The API explorer (/scalar) is only as good as the documents behind it: every operation of every service, read through
/// the gateway as an integrator reads it, says what it does, and the writes an integrator starts with carry an example body.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class OpenApiDocumentationTests(WebPlatform platform)
{
    private static readonly string[] Documents =
        ["/openapi/clients.json", "/openapi/queue.json", "/openapi/scripts.json", "/openapi/reporting.json", "/openapi/v1.json"];

    /// <summary>The writes an integrator uses first: sign-in, a project, its queue and contacts, a call list, an outcome, telephony events.</summary>
    private static readonly (string Document, string Method, string Path)[] WithExamples =
    [
        ("/openapi/v1.json", "post", "/api/auth/token"),
        ("/openapi/clients.json", "post", "/api/clients/projects"),
        ("/openapi/clients.json", "post", "/api/clients/projects/{projectId}/contacts"),
        ("/openapi/clients.json", "post", "/api/clients/projects/{projectId}/imports"),
        ("/openapi/clients.json", "post", "/api/clients/contacts/{contactId}/outcomes"),
        ("/openapi/queue.json", "post", "/api/queue/projects/{projectId}/queues"),
        ("/openapi/queue.json", "post", "/api/queue/calls"),
        ("/openapi/queue.json", "post", "/api/queue/calls/{callId}/ring-result"),
    ];

    [Fact]
    public async Task Every_operation_of_every_service_has_a_summary()
    {
        var missing = new List<string>();
        var operations = 0;
        foreach (var document in Documents)
        {
            foreach (var (method, path, operation) in await OperationsAsync(document))
            {
                operations++;
                if (!operation.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()))
                {
                    missing.Add($"{document} {method.ToUpperInvariant()} {path}");
                }
            }
        }

        Assert.True(operations > 100, $"Only {operations} operations were read: the documents are not what the test expects.");
        Assert.True(missing.Count == 0, $"{missing.Count} operations have no .WithSummary(...):{Environment.NewLine}{string.Join(Environment.NewLine, missing)}");
    }

    [Fact]
    public async Task The_writes_an_integrator_starts_with_have_a_request_example()
    {
        var missing = new List<string>();
        foreach (var (document, method, path) in WithExamples)
        {
            var operation = (await OperationsAsync(document)).SingleOrDefault(o => o.Method == method && o.Path == path).Operation;
            var hasExample = operation.ValueKind == JsonValueKind.Object
                && operation.TryGetProperty("requestBody", out var body)
                && body.GetProperty("content").EnumerateObject().Any(media => media.Value.TryGetProperty("example", out _));
            if (!hasExample)
            {
                missing.Add($"{document} {method.ToUpperInvariant()} {path}{(operation.ValueKind == JsonValueKind.Object ? "" : " (no such operation)")}");
            }
        }

        Assert.True(missing.Count == 0, $"No request example:{Environment.NewLine}{string.Join(Environment.NewLine, missing)}");
    }

    private async Task<List<(string Method, string Path, JsonElement Operation)>> OperationsAsync(string document)
    {
        using var json = JsonDocument.Parse(await platform.Gateway.CreateClient().GetStringAsync(document));
        return json.RootElement.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject()
                .Where(m => m.Name is "get" or "post" or "put" or "patch" or "delete")
                .Select(m => (m.Name, p.Name.TrimEnd('/'), m.Value.Clone())))
            .ToList();
    }
}

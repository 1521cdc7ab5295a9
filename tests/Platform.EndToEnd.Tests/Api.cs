using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.EndToEnd.Tests;

/// <summary>Small helpers for calling the gateway the way a curl user would.</summary>
internal static class Api
{
    public static Task<HttpResponseMessage> CreateProjectAsync(this HttpClient client, string name = "Acme hotline",
        string direction = "inbound", string timeZone = "Europe/Prague") =>
        client.PostAsJsonAsync("/api/clients/projects", new { name, direction, timeZone });

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public static async Task<Guid> CreatedIdAsync(this HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }
}

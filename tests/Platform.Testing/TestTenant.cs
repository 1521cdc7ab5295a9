using System.Net.Http.Headers;

namespace Platform.Testing;

/// <summary>A call center made for one test, with a signed-in admin whose calls go through the gateway.</summary>
public sealed record TestTenant(Guid Id, string Slug, string Password, HttpClient Admin)
{
    public static HttpClient WithToken(HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace Platform.Web.Tests.Sessions;

/// <summary>What a browser holds after signing in: the session cookie (which no script may read) and the CSRF token the page got.</summary>
internal sealed record BrowserSession(SetCookieHeaderValue Cookie, string CsrfToken, JsonElement Body)
{
    public static async Task<(HttpResponseMessage Response, BrowserSession? Session)> SignInAsync(HttpClient gateway, string tenant, string username, string password)
    {
        var response = await gateway.PostAsJsonAsync("/api/auth/session", new { tenant, username, password });
        if (!response.IsSuccessStatusCode)
        {
            return (response, null);
        }
        var cookie = SetCookieHeaderValue.ParseList(response.Headers.GetValues("Set-Cookie").ToList()).Single(c => c.Name.Value!.EndsWith("session", StringComparison.Ordinal));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (response, new BrowserSession(cookie, body.GetProperty("csrfToken").GetString()!, body));
    }

    /// <summary>A request as the browser sends it: the cookie, and on writes the CSRF header when <paramref name="csrf"/>.</summary>
    public HttpRequestMessage Request(HttpMethod method, string path, object? json = null, bool csrf = true, string? origin = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = json is null ? null : JsonContent.Create(json) };
        request.Headers.Add("Cookie", $"{Cookie.Name}={Cookie.Value}");
        if (csrf)
        {
            request.Headers.Add("X-CSRF-Token", CsrfToken);
        }
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        return request;
    }
}

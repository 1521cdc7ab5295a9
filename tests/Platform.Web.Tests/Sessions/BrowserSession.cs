using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace Platform.Web.Tests.Sessions;

/// <summary>What a browser holds after signing in: the session cookie (which no script may read) and the CSRF token the page got.</summary>
internal sealed record BrowserSession(SetCookieHeaderValue Cookie, string CsrfToken, JsonElement Body, SetCookieHeaderValue? Start = null)
{
    public static async Task<(HttpResponseMessage Response, BrowserSession? Session)> SignInAsync(HttpClient gateway, string tenant, string username, string password)
    {
        var response = await gateway.PostAsJsonAsync("/api/auth/session", new { tenant, username, password });
        if (!response.IsSuccessStatusCode)
        {
            return (response, null);
        }
        return (response, await FromAsync(response));
    }

    /// <summary>The session a sign-in or a renewal answered: its cookies and CSRF token.</summary>
    public static async Task<BrowserSession> FromAsync(HttpResponseMessage response)
    {
        var cookies = SetCookieHeaderValue.ParseList(response.Headers.GetValues("Set-Cookie").ToList());
        var cookie = cookies.Single(c => c.Name.Value!.EndsWith("session", StringComparison.Ordinal));
        var start = cookies.SingleOrDefault(c => c.Name.Value!.EndsWith("session-start", StringComparison.Ordinal));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new BrowserSession(cookie, body.GetProperty("csrfToken").GetString()!, body, start);
    }

    /// <summary>A request as the browser sends it: the cookie, and on writes the CSRF header when <paramref name="csrf"/>.</summary>
    public HttpRequestMessage Request(HttpMethod method, string path, object? json = null, bool csrf = true, string? origin = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = json is null ? null : JsonContent.Create(json) };
        request.Headers.Add("Cookie", Start is null ? $"{Cookie.Name}={Cookie.Value}" : $"{Cookie.Name}={Cookie.Value}; {Start.Name}={Start.Value}");
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

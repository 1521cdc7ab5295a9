using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class SignInTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task A_token_carries_tenant_user_and_roles_and_expires()
    {
        var tenant = await platform.CreateTenantAsync();
        var response = await platform.Gateway.CreateClient().PostAsJsonAsync("/api/auth/token",
            new { tenant = tenant.Slug, username = "admin", password = tenant.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.True(body.GetProperty("expires_in").GetInt32() > 0);
        var payload = DecodePayload(body.GetProperty("access_token").GetString()!);
        Assert.Equal(tenant.Id.ToString(), payload.GetProperty("tenant_id").GetString());
        Assert.Equal(tenant.Slug, payload.GetProperty("tenant").GetString());
        Assert.Equal("admin", payload.GetProperty("name").GetString());
        Assert.Equal("admin", payload.GetProperty("role").GetString());
    }

    [Theory]
    [InlineData("wrong-password")]
    [InlineData("")]
    public async Task A_wrong_password_gets_401_problem_details(string password)
    {
        var tenant = await platform.CreateTenantAsync();
        var response = await platform.Gateway.CreateClient().PostAsJsonAsync("/api/auth/token",
            new { tenant = tenant.Slug, username = "admin", password });

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest, $"got {response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False((await response.JsonAsync()).TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task An_unknown_user_and_a_wrong_password_get_the_same_answer()
    {
        var tenant = await platform.CreateTenantAsync();
        var client = platform.Gateway.CreateClient();
        var unknownUser = await client.PostAsJsonAsync("/api/auth/token", new { tenant = tenant.Slug, username = "nobody", password = "x" });
        var unknownTenant = await client.PostAsJsonAsync("/api/auth/token", new { tenant = "no-such-tenant", username = "admin", password = "x" });
        var wrongPassword = await client.PostAsJsonAsync("/api/auth/token", new { tenant = tenant.Slug, username = "admin", password = "x" });

        Assert.All([unknownUser, unknownTenant, wrongPassword], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        var details = await Task.WhenAll(new[] { unknownUser, unknownTenant, wrongPassword }.Select(async r => (await r.JsonAsync()).GetProperty("detail").GetString()));
        Assert.Single(details.Distinct());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-jwt")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJ0ZW5hbnRfaWQiOiIxIn0.c2lnbmF0dXJl")]
    public async Task Without_a_valid_token_every_service_answers_401_problem_details(string? token)
    {
        var client = platform.Gateway.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        var id = Guid.NewGuid();
        foreach (var path in new[] { "/api/clients/projects", $"/api/queue/projects/{id}/queues", $"/api/reporting/projects/{id}", $"/api/scripts/projects/{id}/scripts" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Services_check_the_token_themselves_too()
    {
        // Straight to the service, past the gateway: still 401 without a token.
        var response = await platform.Clients.CreateClient().GetAsync("/api/clients/projects");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static JsonElement DecodePayload(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
        return document.RootElement.Clone();
    }
}

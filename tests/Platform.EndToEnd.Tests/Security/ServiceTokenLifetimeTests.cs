using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.ServiceDefaults.Auth;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Security;

/// <summary>
/// The maximum token lifetime is enforced by every service itself, not only by the gateway: a token signed with the
/// platform's key, older than <c>Jwt__MaxTokenLifetimeMinutes</c> or claiming to live longer, is refused straight at the
/// service whatever its expiry says.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ServiceTokenLifetimeTests(PlatformUnderTest platform)
{
    private IEnumerable<(string Service, HttpClient Client, string Path)> Services() =>
    [
        ("clients", platform.Clients.CreateClient(), "/api/clients/projects"),
        ("queue", platform.Queue.CreateClient(), "/api/queue/campaigns"),
        ("scripts", platform.Scripts.CreateClient(), $"/api/scripts/projects/{Guid.NewGuid()}/scripts"),
        ("reporting", platform.Reporting.CreateClient(), "/api/reporting/staffing"),
    ];

    [Fact]
    public async Task Every_service_refuses_a_token_past_the_maximum_lifetime_whatever_its_expiry_says()
    {
        var tenant = await platform.CreateTenantAsync();
        var now = DateTime.UtcNow;
        var max = TimeSpan.FromMinutes(new JwtOptions().MaxTokenLifetimeMinutes);
        var fresh = Forge(tenant.Id, issuedAt: now, expires: now.AddMinutes(30));
        var old = Forge(tenant.Id, issuedAt: now - max - TimeSpan.FromMinutes(5), expires: now.AddMinutes(30));
        var tooLong = Forge(tenant.Id, issuedAt: now, expires: now + max + TimeSpan.FromMinutes(5));
        var noIssuedAt = Forge(tenant.Id, issuedAt: null, expires: now.AddMinutes(30));

        foreach (var (service, client, path) in Services())
        {
            Assert.True(await StatusAsync(client, path, fresh) != HttpStatusCode.Unauthorized, $"{service}: a fresh token was refused");
            Assert.Equal((service, HttpStatusCode.Unauthorized), (service, await StatusAsync(client, path, old)));
            Assert.Equal((service, HttpStatusCode.Unauthorized), (service, await StatusAsync(client, path, tooLong)));
            Assert.Equal((service, HttpStatusCode.Unauthorized), (service, await StatusAsync(client, path, noIssuedAt)));
        }
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static string Forge(Guid tenantId, DateTime? issuedAt, DateTime expires)
    {
        var options = new JwtOptions();
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity([
                new Claim(PlatformClaims.Subject, Guid.NewGuid().ToString()), new Claim(PlatformClaims.TenantId, tenantId.ToString()),
                new Claim(PlatformClaims.Role, Roles.Supervisor), new Claim(PlatformClaims.TokenVersion, "0")]),
            NotBefore = (issuedAt ?? DateTime.UtcNow).AddMinutes(-1),
            Expires = expires,
            SigningCredentials = new SigningCredentials(options.SecurityKey(), SecurityAlgorithms.HmacSha256),
        };
        if (issuedAt is { } iat)
        {
            descriptor.IssuedAt = iat;
        }
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}

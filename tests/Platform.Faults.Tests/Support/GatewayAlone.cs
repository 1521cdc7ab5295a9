using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Gateway;
using Platform.Gateway.Tenants;
using Platform.ServiceDefaults.Auth;
using Platform.Testing;

namespace Platform.Faults.Tests.Support;

/// <summary>
/// The gateway alone, with its real start-up code and database, forwarding over real sockets to the destinations a test
/// names (stub replicas): the faults are those of real processes and connections.
/// </summary>
public sealed class GatewayAlone(IReadOnlyDictionary<string, string?> overrides) : IAsyncDisposable
{
    private ServiceHost<GatewayService>? host;

    public WebApplicationFactory<GatewayService> Host => host ?? throw new InvalidOperationException("Not started.");

    public async Task StartAsync()
    {
        var servers = await TestServers.GetAsync();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:postgres"] = servers.Postgres,
            ["ConnectionStrings:rabbitmq"] = servers.RabbitMq,
            ["Database:Name"] = "platform_gateway_faults_test",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Yarp"] = "Critical",
            ["RateLimits:SignInPerAddressPerMinute"] = "100000",
            ["RateLimits:PerUserPerMinute"] = "100000",
            ["RateLimits:PerTenantPerMinute"] = "100000",
            ["RateLimits:AnonymousPerAddressPerMinute"] = "100000",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }
        host = new ServiceHost<GatewayService>(settings);
        var client = host.CreateClient();
        await Eventually.HoldsAsync(async () => (await client.GetAsync("/health/ready")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(60), "the gateway is ready");
    }

    public TenantProvisioning Provisioning => Host.Services.GetRequiredService<TenantProvisioning>();

    /// <summary>A new call center; returns its id, slug and its first admin's password.</summary>
    public async Task<(Guid Id, string Slug)> CreateTenantAsync()
    {
        var slug = $"f-{Guid.NewGuid():N}"[..24];
        return (await Provisioning.EnsureTenantAsync(slug, $"Faults {slug}", CancellationToken.None), slug);
    }

    public async Task<(Guid UserId, string Password)> CreateUserAsync(Guid tenantId, string username, string[] roles, Guid[]? projects = null)
    {
        var password = Guid.NewGuid().ToString("N");
        var id = await Provisioning.EnsureUserAsync(tenantId, username, username, password, roles, CancellationToken.None, projects);
        return (id, password);
    }

    public async Task<HttpResponseMessage> SignInAsync(string tenant, string username, string password) =>
        await Host.CreateClient().PostAsJsonAsync("/api/auth/token", new { tenant, username, password });

    public async Task<HttpClient> SignedInAsync(string tenant, string username, string password)
    {
        var response = await SignInAsync(tenant, username, password);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return WithToken(body.RootElement.GetProperty("access_token").GetString()!);
    }

    public HttpClient WithToken(string token)
    {
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<HttpClient> AdminAsync(string[]? roles = null)
    {
        var (tenantId, slug) = await CreateTenantAsync();
        var (_, password) = await CreateUserAsync(tenantId, "admin", roles ?? [Roles.Admin]);
        return await SignedInAsync(slug, "admin", password);
    }

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }
}

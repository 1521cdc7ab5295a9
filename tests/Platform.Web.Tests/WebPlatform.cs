using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Gateway;
using Platform.Testing;
using Xunit;
using Yarp.ReverseProxy.Forwarder;

namespace Platform.Web.Tests;

/// <summary>
/// The in-process platform, plus a second gateway on a real port (Kestrel) serving the built web app, for the browser:
/// Chromium cannot reach an in-memory test server. Its services are the same in-memory ones.
/// </summary>
public sealed class WebPlatform : PlatformUnderTest
{
    public WebApplicationFactory<GatewayService> BrowserGateway { get; private set; } = null!;

    /// <summary>Databases of its own: not replicas of the end-to-end tests' platform when both run at once.</summary>
    protected override string DatabaseSuffix => "web";

    public Uri BrowserAddress { get; private set; } = null!;

    public async Task StartBrowserGatewayAsync()
    {
        if (BrowserGateway is not null)
        {
            return;
        }
        var handlers = new Dictionary<string, Func<HttpMessageHandler>>
        {
            ["clients"] = () => Clients.Server.CreateHandler(),
            ["queue"] = () => Queue.Server.CreateHandler(),
            ["scripts"] = () => Scripts.Server.CreateHandler(),
            ["reporting"] = () => Reporting.Server.CreateHandler(),
        };
        var settings = GatewaySettings();
        settings["WebApp:Root"] = WebAppBuild.Root;
        var gateway = new ServiceHost<GatewayService>(settings,
            services => services.AddSingleton<IForwarderHttpClientFactory>(new Forwarder(handlers)));
        gateway.UseKestrel(0);
        gateway.StartServer();
        BrowserGateway = gateway;
        BrowserAddress = new Uri(gateway.ClientOptions.BaseAddress.ToString().Replace("//[::1]", "//localhost").Replace("//127.0.0.1", "//localhost"));
        using var probe = new HttpClient { BaseAddress = BrowserAddress };
        await Eventually.HoldsAsync(async () => (await probe.GetAsync("/health/ready")).IsSuccessStatusCode, TimeSpan.FromSeconds(30), "the browser's gateway");
    }

    /// <summary>A user of the tenant with a password the test knows (a browser types it).</summary>
    public static async Task CreateUserAsync(TestTenant tenant, string username, string password, string[] roles, Guid[]? projectIds = null)
    {
        var created = await tenant.Admin.PostAsJsonAsync("/api/users", new { username, displayName = username, password, roles, projectIds });
        created.EnsureSuccessStatusCode();
    }

    public override async Task DisposeAsync()
    {
        if (BrowserGateway is not null)
        {
            await BrowserGateway.DisposeAsync();
        }
        await base.DisposeAsync();
    }

    private sealed class Forwarder(IReadOnlyDictionary<string, Func<HttpMessageHandler>> handlers) : IForwarderHttpClientFactory
    {
        public HttpMessageInvoker CreateClient(ForwarderHttpClientContext context) => new(handlers[context.ClusterId]());
    }
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebPlatform>
{
    public const string Name = "web";
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Clients;
using Platform.Gateway;
using Platform.Gateway.Tenants;
using Platform.Queue;
using Platform.Reporting;
using Platform.Scripts;
using Platform.ServiceDefaults.Auth;
using Xunit;
using Yarp.ReverseProxy.Forwarder;

namespace Platform.Testing;

/// <summary>
/// The whole platform in one test process: the four services and the gateway with their real start-up code,
/// real PostgreSQL (databases <c>platform_*_test</c>) and real RabbitMQ. Queues are private to this instance
/// (a unique prefix, auto-deleted), tenants unique per test, so instances and tests never disturb each other.
/// </summary>
public class PlatformUnderTest : IAsyncLifetime
{
    private readonly string run = Guid.NewGuid().ToString("N")[..8];
    private readonly List<IAsyncDisposable> hosts = [];
    private Dictionary<string, Func<HttpMessageHandler>> clusters = [];

    public TestServers.Servers Servers { get; private set; } = null!;
    public WebApplicationFactory<ClientsService> Clients { get; private set; } = null!;
    public WebApplicationFactory<QueueService> Queue { get; private set; } = null!;
    public WebApplicationFactory<ScriptsService> Scripts { get; private set; } = null!;
    public WebApplicationFactory<ReportingService> Reporting { get; private set; } = null!;
    public WebApplicationFactory<GatewayService> Gateway { get; private set; } = null!;

    /// <summary>
    /// Suffix of this instance's databases (<c>platform_{service}_{suffix}</c>). Instances that share databases act as
    /// replicas of each other (their outbox relays share the rows); an instance whose broker a test cuts needs its own.
    /// </summary>
    protected virtual string DatabaseSuffix => "test";

    /// <summary>The broker address a service uses; the outage tests put a <see cref="TcpGate"/> or a <see cref="PrivateBroker"/> there.</summary>
    protected virtual string BrokerFor(string service, string rabbitMq) => rabbitMq;

    /// <summary>Auto-deleted queues (the default) vanish with a broker restart; a restart test needs durable ones.</summary>
    protected virtual bool TemporaryEndpoints => true;

    /// <summary>Runs before any host starts.</summary>
    protected virtual Task PrepareAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        Servers = await TestServers.GetAsync();
        await PrepareAsync();
        Clients = Start(new ServiceHost<ClientsService>(Settings("clients")));
        Queue = Start(new ServiceHost<QueueService>(Settings("queue")));
        Scripts = Start(new ServiceHost<ScriptsService>(Settings("scripts")));
        Reporting = Start(new ServiceHost<ReportingService>(Settings("reporting")));
        clusters = new Dictionary<string, Func<HttpMessageHandler>>
        {
            ["clients"] = () => Clients.Server.CreateHandler(),
            ["queue"] = () => Queue.Server.CreateHandler(),
            ["scripts"] = () => Scripts.Server.CreateHandler(),
            ["reporting"] = () => Reporting.Server.CreateHandler(),
        };
        Gateway = Start(new ServiceHost<GatewayService>(GatewaySettings(),
            services => services.AddSingleton<IForwarderHttpClientFactory>(new InMemoryForwarder(clusters))));

        // Ready means migrated, and the bus connected with this instance's queues bound.
        await Task.WhenAll(
            WaitReady(Clients.CreateClient()), WaitReady(Queue.CreateClient()), WaitReady(Scripts.CreateClient()),
            WaitReady(Reporting.CreateClient()), WaitReady(Gateway.CreateClient()));
    }

    /// <summary>The gateway's settings: limits high enough that tests signing in by the hundred are not throttled.</summary>
    protected virtual Dictionary<string, string?> GatewaySettings()
    {
        var settings = Settings("gateway");
        settings["RateLimits:SignInPerAddressPerMinute"] = "100000";
        settings["RateLimits:PerUserPerMinute"] = "100000";
        settings["RateLimits:PerTenantPerMinute"] = "100000";
        settings["RateLimits:AnonymousPerAddressPerMinute"] = "100000";
        return settings;
    }

    protected Dictionary<string, string?> Settings(string service) => new()
    {
        ["ConnectionStrings:postgres"] = Servers.Postgres,
        ["ConnectionStrings:rabbitmq"] = BrokerFor(service, Servers.RabbitMq),
        ["Database:Name"] = $"platform_{service}_{DatabaseSuffix}",
        ["Messaging:EndpointPrefix"] = $"t{run}-{service}",
        ["Messaging:TemporaryEndpoints"] = TemporaryEndpoints.ToString(),
        ["Logging:LogLevel:Default"] = "Warning",
        // Tests stop brokers and close push streams on purpose: an unhealthy check's Error line every poll, and YARP's
        // warning (with a stack trace) for every stream a test closed and every probe of a service a test stopped, would bury the output. Health is asserted on
        // /health/* and the platform_health_status metric instead.
        ["Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks"] = "Critical",
        ["Logging:LogLevel:Yarp.ReverseProxy.Forwarder"] = "Error",
        ["Logging:LogLevel:Yarp.ReverseProxy.Health"] = "Error",
        // The security sweeps register PBX webhooks nobody answers (the discard port): the relay's warning after three failed
        // rounds would come for each. Delivery is asserted on GET telephony/webhook (PbxWebhookTests) instead.
        ["Logging:LogLevel:Platform.Queue.Telephony.Webhooks.WebhookRelay"] = "Error",
        ["Cooldown:SweepSeconds"] = "1",
        ["Routing:SweepMilliseconds"] = "200",
        ["Routing:RedispatchSeconds"] = "1",
        // The callback day sweep follows each project's calendar (Mon–Fri 9–17 by default): on, the callbacks of every test
        // would wait for the next opening when the suite runs at night. CallbackDayTests run it by hand.
        ["Callbacks:SweepSeconds"] = "0",
    };

    private T Start<T>(T host) where T : IAsyncDisposable
    {
        hosts.Add(host);
        return host;
    }

    private static async Task WaitReady(HttpClient client) =>
        await Eventually.HoldsAsync(async () => (await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(60), $"{client.BaseAddress} /health/ready");

    /// <summary>
    /// Another gateway on the same services, with settings of its own (low rate limits, CORS origins, a dead
    /// destination). A cluster named in <paramref name="realNetworkClusters"/> is forwarded over real sockets.
    /// </summary>
    public async Task<WebApplicationFactory<GatewayService>> StartGatewayAsync(
        IReadOnlyDictionary<string, string?> overrides, params string[] realNetworkClusters)
    {
        var settings = GatewaySettings();
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }
        var handlers = clusters.Where(c => !realNetworkClusters.Contains(c.Key)).ToDictionary();
        foreach (var cluster in realNetworkClusters)
        {
            handlers[cluster] = () => new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(2) };
        }
        var gateway = Start(new ServiceHost<GatewayService>(settings,
            services => services.AddSingleton<IForwarderHttpClientFactory>(new InMemoryForwarder(handlers))));
        await WaitReady(gateway.CreateClient());
        return gateway;
    }

    /// <summary>
    /// Another replica of the queue service on the same database, with its own sweep and push channels. Test endpoints are
    /// exclusive queues, so it consumes through queues of its own: both replicas see every event, and the shared inbox
    /// lets one of them act on it (in production replicas compete on one durable queue instead).
    /// </summary>
    public async Task<WebApplicationFactory<QueueService>> StartQueueReplicaAsync()
    {
        var settings = Settings("queue");
        settings["Messaging:EndpointPrefix"] = $"t{run}-{Guid.NewGuid().ToString("N")[..6]}-queue";
        var replica = Start(new ServiceHost<QueueService>(settings));
        await WaitReady(replica.CreateClient());
        return replica;
    }

    /// <summary>A user made by the tenant's admin through the users API, signed in.</summary>
    public async Task<HttpClient> CreateUserAsync(TestTenant tenant, string[] roles, Guid[]? projectIds = null)
    {
        var username = $"u{Guid.NewGuid():N}"[..20];
        var password = Guid.NewGuid().ToString("N");
        var created = await tenant.Admin.PostAsJsonAsync("/api/users",
            new { username, displayName = $"Test {string.Join('+', roles)}", password, roles, projectIds });
        created.EnsureSuccessStatusCode();
        return TestTenant.WithToken(Gateway.CreateClient(), await SignInAsync(tenant.Slug, username, password));
    }

    /// <summary>A new call center with an admin (and any further users), signed in through the gateway.</summary>
    public async Task<TestTenant> CreateTenantAsync(string? slugPrefix = "t")
    {
        var slug = $"{slugPrefix}-{Guid.NewGuid():N}"[..24];
        var password = Guid.NewGuid().ToString("N");
        var provisioning = Gateway.Services.GetRequiredService<TenantProvisioning>();
        var tenantId = await provisioning.EnsureTenantAsync(slug, $"Test {slug}", CancellationToken.None);
        await provisioning.EnsureUserAsync(tenantId, "admin", "Test Admin", password, [Roles.Admin], CancellationToken.None);
        var token = await SignInAsync(slug, "admin", password);
        return new TestTenant(tenantId, slug, password, TestTenant.WithToken(Gateway.CreateClient(), token));
    }

    public async Task<string> SignInAsync(string tenant, string username, string password)
    {
        var response = await Gateway.CreateClient().PostAsJsonAsync("/api/auth/token", new { tenant, username, password });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>A connection to one service's own test database, for asserting what it stored.</summary>
    public NpgsqlConnection Database(string service) =>
        new(new NpgsqlConnectionStringBuilder(Servers.Postgres) { Database = $"platform_{service}_{DatabaseSuffix}" }.ConnectionString);

    public virtual async Task DisposeAsync()
    {
        for (var i = hosts.Count - 1; i >= 0; i--)
        {
            await hosts[i].DisposeAsync();
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Platform.Clients;
using Platform.Testing;
using Yarp.ReverseProxy;

namespace Platform.Faults.Tests.Support;

/// <summary>
/// Two replicas of the real queue service (<see cref="A"/>, <see cref="B"/>: each its own process, one database, one
/// broker, one endpoint prefix, so they compete on the same queues as in production), the clients service in process (it
/// makes a project's queue), and the gateway with both replicas as destinations of the queue cluster. A test kills and
/// restarts <see cref="A"/>; everything is stopped on dispose.
/// </summary>
public sealed class TwoQueueReplicas : IAsyncDisposable
{
    public const string Database = "platform_queue_faults_test";

    private TwoQueueReplicas(ServiceProcess a, ServiceProcess b)
    {
        A = a;
        B = b;
    }

    public ServiceProcess A { get; }
    public ServiceProcess B { get; }
    public ServiceHost<ClientsService> Clients { get; private set; } = null!;
    public GatewayAlone Gateway { get; private set; } = null!;

    /// <param name="run">Prefixes the test's queues and endpoints, so two tests' replicas never share a message.</param>
    public static async Task<TwoQueueReplicas> StartAsync(string run)
    {
        var servers = await TestServers.GetAsync();
        var queueSettings = new Dictionary<string, string>
        {
            ["ConnectionStrings:postgres"] = servers.Postgres,
            ["ConnectionStrings:rabbitmq"] = servers.RabbitMq,
            ["Database:Name"] = Database,
            ["Messaging:EndpointPrefix"] = $"{run}-queue",
            ["Messaging:TemporaryEndpoints"] = "true",
            ["Logging:LogLevel:Default"] = "None",
        };
        var replicas = new TwoQueueReplicas(new ServiceProcess("queue", "Platform.Queue.dll", queueSettings),
            new ServiceProcess("queue", "Platform.Queue.dll", queueSettings));
        try
        {
            await replicas.A.StartAsync(); // migrates first
            await replicas.B.StartAsync();
            replicas.Clients = new ServiceHost<ClientsService>(new Dictionary<string, string?>
            {
                ["ConnectionStrings:postgres"] = servers.Postgres,
                ["ConnectionStrings:rabbitmq"] = servers.RabbitMq,
                ["Database:Name"] = "platform_clients_faults_test",
                ["Messaging:EndpointPrefix"] = $"{run}-clients",
                ["Messaging:TemporaryEndpoints"] = "true",
                ["Logging:LogLevel:Default"] = "None",
            });
            replicas.Gateway = new GatewayAlone(new Dictionary<string, string?>
            {
                ["ReverseProxy:Clusters:queue:Destinations:primary:Address"] = replicas.A.Address,
                ["ReverseProxy:Clusters:queue:Destinations:second:Address"] = replicas.B.Address,
            });
            await replicas.Gateway.StartAsync();
            return replicas;
        }
        catch
        {
            await replicas.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client of the clients service in process, signed in as <paramref name="signedIn"/> is.</summary>
    public HttpClient ClientsAs(HttpClient signedIn)
    {
        var client = Clients.CreateClient();
        client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        return client;
    }

    /// <summary>
    /// Waits (at most 30 s: YARP's default passive window kept a restarted replica out for about two minutes) until the
    /// gateway counts <see cref="A"/> among the queue cluster's available destinations again; returns how long after
    /// <paramref name="readyAt"/> (its first good answer) that was.
    /// </summary>
    public async Task<TimeSpan> AServedAgainAsync(DateTime readyAt)
    {
        var proxy = Gateway.Host.Services.GetRequiredService<IProxyStateLookup>();
        await Eventually.HoldsAsync(() => Task.FromResult(proxy.TryGetCluster("queue", out var cluster)
                && cluster.DestinationsState.AvailableDestinations.Any(d => d.Model.Config.Address == A.Address)),
            TimeSpan.FromSeconds(30), "the restarted replica is a destination again");
        return DateTime.UtcNow - readyAt;
    }

    public async ValueTask DisposeAsync()
    {
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }
        if (Clients is not null)
        {
            await Clients.DisposeAsync();
        }
        B.Dispose();
        A.Dispose();
    }
}

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging;
using Platform.ServiceDefaults.Tests.Messaging;
using Platform.Testing;
using RabbitMQ.Client;
using Xunit;

namespace Platform.ServiceDefaults.Tests;

/// <summary>
/// A service made of nothing but the service defaults and <see cref="DeliveryCounter"/>, on real servers.
/// Its outbox poll is 30 s, so anything it delivers sooner was woken by the commit's NOTIFY. Its queues are
/// durable, as in production, and deleted when it stops.
/// </summary>
public sealed class MessagingHost : IAsyncLifetime
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);
    public const int Retries = 2;

    public WebApplication App { get; private set; } = null!;
    public NpgsqlDataSource Database => App.Services.GetRequiredService<NpgsqlDataSource>();
    public MassTransit.IBus Bus => App.Services.GetRequiredService<MassTransit.IBus>();
    public string RabbitMq { get; private set; } = "";

    /// <summary>The queue a consumer of this host reads, as MassTransit named it.</summary>
    public string QueueOf<TConsumer>() where TConsumer : class, MassTransit.IConsumer =>
        App.Services.GetRequiredService<MassTransit.IEndpointNameFormatter>().Consumer<TConsumer>();

    public async Task InitializeAsync()
    {
        var servers = await TestServers.GetAsync();
        RabbitMq = servers.RabbitMq;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:postgres"] = servers.Postgres,
            ["ConnectionStrings:rabbitmq"] = servers.RabbitMq,
            ["Database:Name"] = "platform_messaging_test",
            ["Messaging:EndpointPrefix"] = $"t{Guid.NewGuid():N}"[..9] + "-messaging",
            ["Messaging:TemporaryEndpoints"] = "false", // durable, as in production (an error queue of a temporary endpoint is exclusive)
            ["Outbox:PollInterval"] = PollInterval.ToString(),
            ["Messaging:Retries"] = Retries.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        var service = new PlatformService("messaging", typeof(DeliveryCounter).Assembly);
        builder.AddServiceDefaults(service);
        builder.AddPlatformMessaging(service);
        HostLogs.Replace(builder.Logging); // the tests park poison messages and set rows aside on purpose: not on the console
        App = builder.Build();
        App.UseServiceDefaults();
        await App.StartAsync();
        var client = App.GetTestClient();
        await Eventually.HoldsAsync(async () => (await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(60), "the messaging test host is ready");
    }

    /// <summary>Reads as the service does: inside the tenant's session (row-level security hides every other row).</summary>
    public async Task<T?> ReadAsync<T>(Guid tenantId, string sql, object? parameters = null)
    {
        await using var session = await Database.BeginTenantSessionAsync(tenantId, CancellationToken.None);
        return await session.QuerySingleOrDefaultAsync<T>(sql, parameters, CancellationToken.None);
    }

    public Task<int?> AppliedAsync(Guid tenantId, Guid projectId) =>
        ReadAsync<int?>(tenantId, "SELECT applied FROM deliveries WHERE project_id = @projectId", new { projectId });

    public async Task DisposeAsync()
    {
        var queue = QueueOf<DeliveryCounter>();
        await App.StopAsync();
        await App.DisposeAsync();
        await using var connection = await new ConnectionFactory { Uri = new Uri(RabbitMq) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        foreach (var name in new[] { queue, $"{queue}_error", $"{queue}_skipped" })
        {
            await channel.QueueDeleteAsync(name);
        }
    }
}

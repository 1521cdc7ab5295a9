using System.Net;
using Dapper;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// A platform on a RabbitMQ node of its own, with durable queues as in production, on databases of its own,
/// so a test can stop the broker for real.
/// </summary>
public sealed class PlatformOnPrivateBroker : PlatformUnderTest
{
    public PrivateBroker Broker { get; } = new();

    protected override string DatabaseSuffix => "restart_test";
    protected override bool TemporaryEndpoints => false;
    protected override string BrokerFor(string service, string rabbitMq) => Broker.Url;
    protected override Task PrepareAsync() => Broker.StartAsync();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Broker.DisposeAsync();
    }
}

public sealed class BrokerRestartTests(PlatformOnPrivateBroker platform) : IClassFixture<PlatformOnPrivateBroker>
{
    [Fact]
    public async Task Writes_succeed_while_RabbitMQ_is_stopped_and_their_events_arrive_after_it_restarts()
    {
        var tenant = await platform.CreateTenantAsync();
        var clientsHealth = platform.Clients.CreateClient();
        await platform.Broker.StopAsync();
        try
        {
            await Eventually.HoldsAsync(async () => (await clientsHealth.GetAsync("/health/ready")).StatusCode == HttpStatusCode.ServiceUnavailable,
                TimeSpan.FromSeconds(30), "readiness reports the broker gone");
            Assert.Equal(HttpStatusCode.OK, (await clientsHealth.GetAsync("/health/live")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await clientsHealth.GetAsync("/health/serving")).StatusCode);
            await Task.Delay(TimeSpan.FromSeconds(6)); // past the gateway's 5 s active health probe: it keeps routing

            var created = await tenant.Admin.CreateProjectAsync("Written while RabbitMQ was stopped");

            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var projectId = await created.CreatedIdAsync();
            await Task.Delay(TimeSpan.FromSeconds(3));
            await using (var clients = platform.Database("clients"))
            {
                Assert.Null(await clients.ExecuteScalarAsync<DateTime?>(
                    "SELECT sent_at FROM outbox_messages WHERE tenant_id = @Id", new { tenant.Id }));
            }
            Assert.Equal(HttpStatusCode.NotFound, (await tenant.Admin.GetAsync($"/api/queue/projects/{projectId}/queues")).StatusCode);
        }
        finally
        {
            await platform.Broker.StartAsync();
        }

        await Eventually.HoldsAsync(async () => (await clientsHealth.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(90), "readiness recovers with the broker");
        var projects = await (await tenant.Admin.GetAsync("/api/clients/projects")).JsonAsync();
        var projectIdAfter = Assert.Single(projects.EnumerateArray()).GetProperty("id").GetGuid();
        await Eventually.HoldsAsync(async () =>
                (await tenant.Admin.GetAsync($"/api/queue/projects/{projectIdAfter}/queues")).StatusCode == HttpStatusCode.OK
                && (await tenant.Admin.GetAsync($"/api/reporting/projects/{projectIdAfter}")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(90), "the event written while RabbitMQ was stopped reaches the queue and reporting services");
    }
}

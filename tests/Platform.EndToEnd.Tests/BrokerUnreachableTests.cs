using System.Net;
using Dapper;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests;

/// <summary>A platform whose clients service reaches RabbitMQ through a gate the test can close, on databases of its own.</summary>
public sealed class PlatformWithBrokerGate : PlatformUnderTest
{
    public TcpGate BrokerGate { get; private set; } = null!;

    protected override string DatabaseSuffix => "outage_test";

    protected override string BrokerFor(string service, string rabbitMq)
    {
        if (service != "clients")
        {
            return rabbitMq;
        }
        var broker = new Uri(rabbitMq);
        BrokerGate = new TcpGate(broker.Host, broker.Port);
        return new UriBuilder(broker) { Host = "127.0.0.1", Port = BrokerGate.Port }.Uri.ToString();
    }
}

public sealed class BrokerUnreachableTests(PlatformWithBrokerGate platform) : IClassFixture<PlatformWithBrokerGate>
{
    [Fact]
    public async Task Writes_succeed_while_the_broker_is_unreachable_and_their_events_arrive_when_it_returns()
    {
        var tenant = await platform.CreateTenantAsync();
        platform.BrokerGate.Close();
        try
        {
            var created = await tenant.Admin.CreateProjectAsync("Written during the outage");

            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var projectId = await created.CreatedIdAsync();
            await Task.Delay(TimeSpan.FromSeconds(3)); // longer than the relay's poll: it had every chance to publish
            await using (var clients = platform.Database("clients"))
            {
                var pending = await clients.QuerySingleAsync<(long Count, DateTime? SentAt)>(
                    "SELECT count(*), max(sent_at) FROM outbox_messages WHERE tenant_id = @Id", new { tenant.Id });
                Assert.Equal(1, pending.Count);
                Assert.Null(pending.SentAt);
            }
            Assert.Equal(HttpStatusCode.NotFound, (await tenant.Admin.GetAsync($"/api/queue/projects/{projectId}/queues")).StatusCode);

            platform.BrokerGate.Open();

            await Eventually.HoldsAsync(async () =>
                    (await tenant.Admin.GetAsync($"/api/queue/projects/{projectId}/queues")).StatusCode == HttpStatusCode.OK,
                TimeSpan.FromSeconds(90), "the event written during the outage reaches the queue service");
        }
        finally
        {
            platform.BrokerGate.Open();
        }
    }
}

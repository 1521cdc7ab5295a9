using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Platform.Faults.Tests.Broker;

/// <summary>The whole platform on a RabbitMQ node of its own (durable queues, as in production) and databases of its own.</summary>
public sealed class PlatformOnOwnBroker : PlatformUnderTest
{
    public PlatformOnOwnBroker()
    {
        // The outage is provoked: its connection warnings (with stack traces) would bury the test's own output.
        Environment.SetEnvironmentVariable("Logging__LogLevel__MassTransit", "Critical");
        Environment.SetEnvironmentVariable("Logging__LogLevel__Platform", "Error");
    }

    public PrivateBroker Broker { get; } = new();

    protected override string DatabaseSuffix => "faults_broker_test";
    protected override bool TemporaryEndpoints => false;
    protected override string BrokerFor(string service, string rabbitMq) => Broker.Url;
    protected override Task PrepareAsync() => Broker.StartAsync();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Broker.DisposeAsync();
    }
}

/// <summary>
/// Calls keep arriving (the PBX's API calls) while RabbitMQ is stopped and started again: no API call fails, no event is
/// lost (reporting counts every call offered), the consumers come back; then every event is delivered a second time and
/// no figure doubles.
/// </summary>
public sealed class BrokerRestartUnderLoadTests(PlatformOnOwnBroker platform, ITestOutputHelper output) : IClassFixture<PlatformOnOwnBroker>
{
    private static readonly string Today =
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Prague")).ToString("yyyy-MM-dd");

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static async Task<long> OfferedAsync(HttpClient admin, Guid queueId)
    {
        var intervals = await admin.GetAsync($"/api/reporting/queues/{queueId}/intervals?granularity=day&from={Today}");
        return intervals.StatusCode == HttpStatusCode.OK ? (await JsonAsync(intervals)).GetProperty("total").GetProperty("offered").GetInt64() : -1;
    }

    private HttpClient[] Services() =>
        [platform.Clients.CreateClient(), platform.Queue.CreateClient(), platform.Scripts.CreateClient(), platform.Reporting.CreateClient()];

    [Fact]
    public async Task Calls_arriving_while_RabbitMQ_restarts_all_succeed_every_event_arrives_and_a_second_delivery_doubles_nothing()
    {
        var tenant = await platform.CreateTenantAsync();
        var created = await tenant.Admin.PostAsJsonAsync("/api/clients/projects", new { name = "Hotline under faults", direction = "inbound", timeZone = "Europe/Prague" });
        var projectId = (await JsonAsync(created)).GetProperty("id").GetGuid();
        Guid queueId = default;
        await Eventually.HoldsAsync(async () =>
        {
            var queues = await tenant.Admin.GetAsync($"/api/queue/projects/{projectId}/queues");
            if (queues.StatusCode != HttpStatusCode.OK || (await JsonAsync(queues)).GetArrayLength() == 0)
            {
                return false;
            }
            queueId = (await JsonAsync(queues))[0].GetProperty("id").GetGuid();
            return true;
        }, TimeSpan.FromSeconds(60), "the project's queue exists");

        // Three PBX lines report arriving calls back to back.
        var answers = new ConcurrentBag<HttpStatusCode>();
        using var stop = new CancellationTokenSource();
        var lines = Enumerable.Range(0, 3).Select(line => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var arrived = await tenant.Admin.PostAsJsonAsync("/api/queue/calls",
                    new { callerNumber = $"+420777{line}{n % 100000:D5}", queueId }, CancellationToken.None);
                answers.Add(arrived.StatusCode);
                await Task.Delay(50, CancellationToken.None);
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(3));
        var outage = Stopwatch.StartNew();
        await platform.Broker.StopAsync();
        var stopTook = outage.Elapsed;
        // No consumer connected: every service says so on /health/ready, and still takes requests (/health/serving).
        await Task.WhenAll(Services().Select(service => Eventually.HoldsAsync(
            async () => (await service.GetAsync("/health/ready")).StatusCode == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(45), "readiness shows the lost consumers")));
        var notReady = outage.Elapsed - stopTook;
        foreach (var service in Services())
        {
            Assert.Equal(HttpStatusCode.OK, (await service.GetAsync("/health/serving")).StatusCode);
        }
        var stoppedFor = TimeSpan.FromSeconds(8) - (outage.Elapsed - stopTook);
        if (stoppedFor > TimeSpan.Zero)
        {
            await Task.Delay(stoppedFor);
        }
        var starting = Stopwatch.StartNew();
        await platform.Broker.StartAsync();
        var startTook = starting.Elapsed;
        var down = outage.Elapsed;
        var restarted = Stopwatch.StartNew();
        await Task.WhenAll(Services().Select(service => Eventually.HoldsAsync(
            async () => (await service.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(90), "consumers connected again")));
        var consumersBack = restarted.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await Task.WhenAll(lines);

        var accepted = answers.Count(s => s is HttpStatusCode.Created or HttpStatusCode.OK);
        var failed = answers.Count - accepted;
        await Eventually.HoldsAsync(async () => await OfferedAsync(tenant.Admin, queueId) == accepted,
            TimeSpan.FromSeconds(90), $"reporting counts all {accepted} calls offered");
        var allArrived = restarted.Elapsed;
        output.WriteLine($"RabbitMQ away for {down.TotalSeconds:0.0} s (stopping took {stopTook.TotalSeconds:0.0} s, every /health/ready 503 {notReady.TotalSeconds:0.0} s after, stopped at least 8 s, starting until it answered {startTook.TotalSeconds:0.0} s) under 3 PBX lines: " +
                         $"{answers.Count} API calls, {failed} failed, {accepted} events, 0 lost (reporting counts {accepted}); " +
                         $"every consumer connected {consumersBack.TotalSeconds:0.0} s after the broker started, every event counted after {allArrived.TotalSeconds:0.0} s");
        Assert.Equal(0, failed);

        // Every CallQueued once more, with its own message id (as a redelivery after a lost confirm would): nothing doubles.
        await using (var queueDb = platform.Database("queue"))
        {
            var again = await queueDb.ExecuteAsync(
                "UPDATE outbox_messages SET sent_at = NULL WHERE tenant_id = @Id AND message_type LIKE '%.CallQueued'", new { tenant.Id });
            await queueDb.ExecuteAsync("SELECT pg_notify('platform_outbox', '')");
            Assert.Equal(accepted, again);
            await Eventually.HoldsAsync(async () => await queueDb.ExecuteScalarAsync<long>(
                    "SELECT count(*) FROM outbox_messages WHERE tenant_id = @Id AND sent_at IS NULL", new { tenant.Id }) == 0,
                TimeSpan.FromSeconds(60), "the relay published every event again");
        }
        var last = await tenant.Admin.PostAsJsonAsync("/api/queue/calls", new { callerNumber = "+420778000001", queueId });
        Assert.True(last.IsSuccessStatusCode);
        await Eventually.HoldsAsync(async () => await OfferedAsync(tenant.Admin, queueId) >= accepted + 1,
            TimeSpan.FromSeconds(60), "the call after the second delivery is counted");
        await Task.Delay(TimeSpan.FromSeconds(2)); // the second deliveries went to the broker before that call: give stragglers their chance
        var offered = await OfferedAsync(tenant.Admin, queueId);
        output.WriteLine($"every one of {accepted} CallQueued delivered twice: reporting counts {offered} calls offered for {accepted + 1} calls");
        Assert.Equal(accepted + 1, offered);
    }
}

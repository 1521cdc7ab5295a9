using Platform.Faults.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Platform.Faults.Tests.Gateway;

/// <summary>
/// The gateway in front of service replicas that are real processes on real ports, killed with SIGKILL under a steady load:
/// the queue cluster has two replicas (A, B), the scripts cluster one (C).
/// </summary>
public sealed class ReplicaFailoverTests(ReplicaFailoverTests.Replicas replicas, ITestOutputHelper output) : IClassFixture<ReplicaFailoverTests.Replicas>
{
    public sealed class Replicas : IAsyncLifetime
    {
        public StubReplica A { get; } = new("A");
        public StubReplica B { get; } = new("B");
        public StubReplica C { get; } = new("C");
        public GatewayAlone Gateway { get; private set; } = null!;
        public HttpClient Admin { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await Task.WhenAll(A.StartAsync(), B.StartAsync(), C.StartAsync());
            Gateway = new GatewayAlone(new Dictionary<string, string?>
            {
                ["ReverseProxy:Clusters:queue:Destinations:primary:Address"] = A.Address,
                ["ReverseProxy:Clusters:queue:Destinations:second:Address"] = B.Address,
                ["ReverseProxy:Clusters:scripts:Destinations:primary:Address"] = C.Address,
            });
            await Gateway.StartAsync();
            Admin = await Gateway.AdminAsync();
        }

        public async Task DisposeAsync()
        {
            await Gateway.DisposeAsync();
            A.Dispose();
            B.Dispose();
            C.Dispose();
        }
    }

    [Fact]
    public async Task With_two_replicas_killing_one_loses_only_its_requests_in_flight_and_it_is_served_again_once_it_answers()
    {
        await using var load = new SteadyLoad(replicas.Admin, "/api/queue/anything");
        await load.FirstAsync(a => a.Body == "A", TimeSpan.FromSeconds(30), "replica A serves");
        await load.FirstAsync(a => a.Body == "B", TimeSpan.FromSeconds(30), "replica B serves");

        var killedAt = DateTime.UtcNow;
        replicas.A.Kill();
        // Answers A sent before it died may still be on their way: a reply received this long after its death is not one.
        var deadAt = DateTime.UtcNow.AddMilliseconds(200);
        await load.FirstAsync(a => a.At > killedAt.AddSeconds(3), TimeSpan.FromSeconds(30), "three seconds of load with A dead");
        var readyAt = await replicas.A.StartAsync();
        var servedAgain = await load.FirstAsync(a => a.Body == "A" && a.At > readyAt, TimeSpan.FromSeconds(30), "A is served again");
        await load.DisposeAsync();

        var answers = load.Answers.ToList();
        var failed = answers.Count(a => a.Status != 200);
        var duringOutage = answers.Count(a => a.At > killedAt && a.At < readyAt);
        output.WriteLine($"two replicas, A killed (SIGKILL) for {(readyAt - killedAt).TotalSeconds:0.0} s under {load.Workers} clients: " +
                         $"{answers.Count} requests, {duringOutage} while A was down, {failed} failed; " +
                         $"A served again {(servedAgain.At - readyAt).TotalSeconds:0.00} s after it answered");
        Assert.True(failed <= load.Workers, $"{failed} requests failed: more than the {load.Workers} that can have been in flight on A");
        Assert.All(answers.Where(a => a.At > deadAt && a.At < readyAt && a.Status == 200), a => Assert.Equal("B", a.Body));
    }

    [Fact]
    public async Task With_one_replica_the_gateway_answers_503_with_Retry_After_while_it_is_down_and_serves_it_again_once_it_answers()
    {
        await using var load = new SteadyLoad(replicas.Admin, "/api/scripts/anything");
        await load.FirstAsync(a => a.Body == "C", TimeSpan.FromSeconds(30), "replica C serves");

        var killedAt = DateTime.UtcNow;
        replicas.C.Kill();
        await load.FirstAsync(a => a.At > killedAt && a.Status == 503, TimeSpan.FromSeconds(30), "the gateway answers 503");
        await load.FirstAsync(a => a.At > killedAt.AddSeconds(4), TimeSpan.FromSeconds(30), "four seconds of load with C dead");
        var readyAt = await replicas.C.StartAsync();
        var servedAgain = await load.FirstAsync(a => a.Status == 200 && a.At > readyAt, TimeSpan.FromSeconds(30), "C is served again");
        await load.DisposeAsync();

        var down = load.Answers.Where(a => a.At > killedAt && a.At < readyAt).ToList();
        output.WriteLine($"one replica, C killed (SIGKILL) for {(readyAt - killedAt).TotalSeconds:0.0} s under {load.Workers} clients: " +
                         $"{down.Count(a => a.Status == 503)} x 503, {down.Count(a => a.Status == 502)} x 502 (connection refused before marked down), " +
                         $"{down.Count(a => a.Status == 200)} x 200 (in flight at the kill); served again {(servedAgain.At - readyAt).TotalSeconds:0.00} s after it answered");
        Assert.All(down, a => Assert.Contains(a.Status, new[] { 200, 502, 503 }));
        Assert.All(down.Where(a => a.Status == 503), a => Assert.True(a.RetryAfter, "a 503 without Retry-After"));
    }
}

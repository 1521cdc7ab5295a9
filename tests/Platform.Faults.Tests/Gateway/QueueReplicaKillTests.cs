using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Npgsql;
using Platform.Faults.Tests.Support;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Platform.Faults.Tests.Gateway;

/// <summary>
/// Two replicas of the real queue service, each its own process on one database and one broker, behind the gateway; the
/// PBX reports arriving calls through the gateway while one replica is killed with SIGKILL and started again.
/// </summary>
public sealed class QueueReplicaKillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Killing_a_queue_replica_while_calls_arrive_loses_and_doubles_no_call_and_it_is_served_again_once_ready()
    {
        var servers = await TestServers.GetAsync();
        await using var replicas = await TwoQueueReplicas.StartAsync($"f{Guid.NewGuid().ToString("N")[..8]}");
        var (a, gateway) = (replicas.A, replicas.Gateway);
        var admin = await gateway.AdminAsync();
        var tenantId = Guid.Parse(JsonDocument.Parse(System.Text.Encoding.UTF8.GetString(
            Convert.FromBase64String(Pad(admin.DefaultRequestHeaders.Authorization!.Parameter!.Split('.')[1])))).RootElement.GetProperty("tenant_id").GetString()!);

        var toClients = replicas.ClientsAs(admin);
        var created = await toClients.PostAsJsonAsync("/api/clients/projects", new { name = "Killed replica hotline", direction = "inbound", timeZone = "Europe/Prague" });
        var projectId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        Guid queueId = default;
        await Eventually.HoldsAsync(async () =>
        {
            var queues = await admin.GetAsync($"/api/queue/projects/{projectId}/queues");
            var list = queues.IsSuccessStatusCode ? JsonDocument.Parse(await queues.Content.ReadAsStringAsync()).RootElement : default;
            if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
            {
                return false;
            }
            queueId = list[0].GetProperty("id").GetGuid();
            return true;
        }, TimeSpan.FromSeconds(60), "the queue service made the project's queue");

        var accepted = new ConcurrentBag<Guid>();
        var failed = new ConcurrentBag<HttpStatusCode>();
        using var stop = new CancellationTokenSource();
        var lines = Enumerable.Range(0, 3).Select(line => Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var arrived = await admin.PostAsJsonAsync("/api/queue/calls", new { callerNumber = $"+420776{line}{n % 100000:D5}", queueId }, CancellationToken.None);
                if (arrived.IsSuccessStatusCode)
                {
                    accepted.Add(JsonDocument.Parse(await arrived.Content.ReadAsStringAsync()).RootElement.GetProperty("callId").GetGuid());
                }
                else
                {
                    failed.Add(arrived.StatusCode);
                }
                await Task.Delay(20, CancellationToken.None);
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(2));
        var killedAt = DateTime.UtcNow;
        a.Kill();
        await Task.Delay(TimeSpan.FromSeconds(3));
        var readyAt = await a.StartAsync();
        var servedAgain = await replicas.AServedAgainAsync(readyAt);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await stop.CancelAsync();
        await Task.WhenAll(lines);

        await using var db = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(servers.Postgres) { Database = TwoQueueReplicas.Database }.ConnectionString);
        var stored = (await db.QueryAsync<Guid>("SELECT id FROM calls WHERE tenant_id = @tenantId", new { tenantId })).ToList();
        var lost = accepted.Except(stored).Count();
        var doubled = stored.Count - stored.Distinct().Count();
        var answerLost = stored.Except(accepted).Count(); // stored, but the answer died with the replica (the PBX would report it again)
        output.WriteLine($"two real queue replicas, one killed (SIGKILL) for {(readyAt - killedAt).TotalSeconds:0.0} s while 3 PBX lines reported calls: " +
                         $"{accepted.Count} calls accepted, {failed.Count} API calls failed ({string.Join(", ", failed.Distinct())}), {lost} lost, {doubled} doubled, {answerLost} stored whose answer was lost; " +
                         $"back among the gateway's destinations {servedAgain.TotalSeconds:0.00} s after it answered");
        Assert.True(failed.Count <= 3, $"{failed.Count} API calls failed: more than the 3 that can have been in flight on the killed replica");
        Assert.Equal(0, lost);
        Assert.Equal(0, doubled);
        Assert.True(answerLost <= failed.Count);
    }

    private static string Pad(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return s + new string('=', (4 - s.Length % 4) % 4);
    }
}

using System.Collections.Concurrent;
using System.Net.Http.Json;
using Dapper;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Platform.EndToEnd.Tests.Dialer;

/// <summary>
/// Two queue replicas on one database and one broker dial one campaign while the PBX reports through both: no contact is
/// dialed twice, no agent holds two dials, and never more dials ring than the pacing allows (one per agent, progressive).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TwoReplicaDialingTests(PlatformUnderTest platform, ITestOutputHelper output)
{
    private const int Contacts = 30;
    private const int Agents = 6;

    [Fact]
    public async Task Two_replicas_dial_one_campaign_without_dialing_a_contact_twice_or_exceeding_the_pacing()
    {
        var world = await DialerWorld.CreateAsync(platform);
        var queues = await (await world.Admin.GetAsync($"/api/queue/projects/{world.ProjectId}/queues")).JsonAsync();
        (await world.Admin.PutAsJsonAsync($"/api/queue/queues/{queues[0].GetProperty("id").GetGuid()}", new { wrapUpSeconds = 0 })).EnsureSuccessStatusCode();
        for (var i = 0; i < Contacts; i++)
        {
            await world.ContactAsync($"Lead {i}");
        }
        var agents = new List<Queue.QueueWorld.Agent>();
        for (var i = 0; i < Agents; i++)
        {
            agents.Add(await world.AgentAsync($"Replica agent {i}"));
        }
        var replicaB = await platform.StartQueueReplicaAsync();
        var pbxToken = world.Pbx.DefaultRequestHeaders.Authorization!.Parameter!;
        var adminToken = world.Admin.DefaultRequestHeaders.Authorization!.Parameter!;
        HttpClient Via(int i, string token) => TestTenant.WithToken(i % 2 == 0 ? platform.Queue.CreateClient() : replicaB.CreateClient(), token);

        var campaignId = await world.CampaignAsync("progressive", [.. agents]);
        await world.StartAsync(campaignId);
        foreach (var agent in agents)
        {
            await Queue.QueueWorld.AvailableAsync(agent);
        }

        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var maxRinging = 0;
        var maxPerAgent = 0;
        var sampler = Task.Run(async () =>
        {
            await using var db = platform.Database("queue");
            while (!stop.IsCancellationRequested)
            {
                var (ringing, perAgent) = await db.QuerySingleAsync<(int, int)>("""
                    SELECT (SELECT count(*) FROM campaign_dials WHERE campaign_id = @campaignId AND status = 'ringing')::int,
                           COALESCE((SELECT max(n) FROM (SELECT count(*) AS n FROM campaign_dials WHERE campaign_id = @campaignId AND status = 'ringing'
                                                         GROUP BY agent_id) AS x), 0)::int
                    """, new { campaignId });
                (maxRinging, maxPerAgent) = (Math.Max(maxRinging, ringing), Math.Max(maxPerAgent, perAgent));
                await Task.Delay(20);
            }
        });

        // The PBX: reads the stream through one replica, reports each dial's result through the other; a person answered
        // talks a moment and the call is hung up (no wrap-up), so the agent is free for the next dial.
        var dialed = new ConcurrentBag<Guid>();
        var results = new[] { "human", "no_answer", "busy", "answering_machine", "human", "fax" };
        var round = 0;
        while (dialed.Count < Contacts && !stop.IsCancellationRequested)
        {
            var batch = await (await Via(round, pbxToken).GetAsync("/api/queue/telephony/commands?limit=500&waitSeconds=1")).JsonAsync();
            var commands = batch.GetProperty("commands").EnumerateArray().ToList();
            await Parallel.ForEachAsync(commands.Where(c => c.GetProperty("kind").GetString() == "dial_out"), async (command, ct) =>
            {
                var body = command.GetProperty("body");
                var callId = body.GetProperty("callId").GetGuid();
                dialed.Add(body.GetProperty("contactId").GetGuid());
                var result = results[Random.Shared.Next(results.Length)];
                var reported = await Via(round + 1, pbxToken).PostAsJsonAsync($"/api/queue/calls/{callId}/dial-result", new { result }, ct);
                Assert.True(reported.IsSuccessStatusCode, await reported.Content.ReadAsStringAsync(ct));
                if (result == "human")
                {
                    var hungUp = await Via(round, adminToken).PostAsJsonAsync($"/api/queue/calls/{callId}/hangup", new { }, ct);
                    Assert.True(hungUp.IsSuccessStatusCode, await hungUp.Content.ReadAsStringAsync(ct));
                }
            });
            if (commands.Count > 0)
            {
                (await Via(round, pbxToken).PostAsJsonAsync("/api/queue/telephony/commands/ack",
                    new { commandIds = commands.Select(c => c.GetProperty("commandId").GetGuid()).ToArray() })).EnsureSuccessStatusCode();
            }
            round++;
        }
        await stop.CancelAsync();
        await sampler;

        output.WriteLine($"{dialed.Count} dials in {round} PBX rounds; at most {maxRinging} ringing at once, {maxPerAgent} per agent");
        Assert.Equal(Contacts, dialed.Count);
        Assert.Equal(Contacts, dialed.Distinct().Count());   // every contact once: nobody dialed twice
        Assert.InRange(maxRinging, 1, Agents);               // one dial per agent at most
        Assert.Equal(1, maxPerAgent);
        await using var queueDb = platform.Database("queue");
        Assert.Equal(Contacts, await queueDb.ExecuteScalarAsync<int>("SELECT count(DISTINCT contact_id) FROM campaign_dials WHERE campaign_id = @campaignId", new { campaignId }));
        Assert.Equal(Contacts, await queueDb.ExecuteScalarAsync<int>("SELECT count(*) FROM campaign_dials WHERE campaign_id = @campaignId", new { campaignId }));
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Dapper;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Platform.EndToEnd.Tests.Queue;

/// <summary>
/// The routing invariants with two instances of the queue service on one database and one broker, under concurrent
/// load: a call is offered to one agent at a time, an agent holds one call at a time, the line's order is kept, no call
/// is lost — also when the replica that made an offer goes away before it is answered.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TwoReplicaTests(PlatformUnderTest platform, ITestOutputHelper output)
{
    private const int Calls = 120;
    private const int Agents = 8;

    [Fact]
    public async Task Two_replicas_under_concurrent_load_offer_each_call_to_one_agent_at_a_time_and_lose_none()
    {
        var world = await QueueWorld.CreateAsync(platform);
        await world.ConfigureAsync(world.QueueId, new { name = "Busy line", wrapUpSeconds = 0, offerTimeoutSeconds = 30 });
        var replicaB = await platform.StartQueueReplicaAsync();
        HttpClient Via(int i, string token) => TestTenant.WithToken(i % 2 == 0 ? platform.Queue.CreateClient() : replicaB.CreateClient(), token);

        var agents = new List<QueueWorld.Agent>();
        for (var i = 0; i < Agents; i++)
        {
            agents.Add(await world.AddAgentAsync($"Agent {i}"));
        }
        await world.SetMembersAsync([.. agents]);
        var pbxToken = world.Pbx.DefaultRequestHeaders.Authorization!.Parameter!;
        var doubleAccepts = 0;
        var handled = new ConcurrentBag<Guid>();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));

        // Each simulated agent: available through one replica, then accepts every offer through BOTH replicas at once
        // (exactly one may win), talks briefly, hangs up through the other replica.
        var agentLoops = agents.Select((agent, i) => Task.Run(async () =>
        {
            var here = Via(i, agent.Token);
            var there = Via(i + 1, agent.Token);
            (await here.PutAsJsonAsync($"/api/queue/agents/{agent.Id}/state", new { state = "available" })).EnsureSuccessStatusCode();
            while (!stop.IsCancellationRequested && handled.Count < Calls)
            {
                var offer = await world.OfferOfAsync(agent);
                if (offer is not { } callId)
                {
                    await Task.Delay(15);
                    continue;
                }
                var both = await Task.WhenAll(
                    here.PostAsJsonAsync($"/api/queue/calls/{callId}/accept", new { }),
                    there.PostAsJsonAsync($"/api/queue/calls/{callId}/accept", new { }));
                var won = both.Count(r => r.StatusCode == HttpStatusCode.OK);
                Assert.Equal(1, won);
                Assert.Contains(both, r => r.StatusCode == HttpStatusCode.Conflict);
                Interlocked.Increment(ref doubleAccepts);
                await Task.Delay(Random.Shared.Next(20, 80));
                (await there.PostAsJsonAsync($"/api/queue/calls/{callId}/hangup", new { })).EnsureSuccessStatusCode();
                handled.Add(callId);
            }
        })).ToList();

        // The PBX reports calls through both replicas, 8 at a time.
        var arrived = new ConcurrentBag<Guid>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Calls), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var response = await Via(i, pbxToken).PostAsJsonAsync("/api/queue/calls",
                new { callerNumber = QueueWorld.UniqueNumber(), queueId = world.QueueId }, ct);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(ct));
            arrived.Add((await response.JsonAsync()).GetProperty("callId").GetGuid());
        });
        await Task.WhenAll(agentLoops);

        Assert.Equal(Calls, arrived.Distinct().Count());
        Assert.Equal(Calls, handled.Distinct().Count());
        Assert.Equal(Calls, doubleAccepts);
        await using var db = platform.Database("queue");
        var tenant = world.Tenant.Id;
        Assert.Equal(Calls, await db.QuerySingleAsync<int>("SELECT count(*)::int FROM calls WHERE tenant_id = @tenant AND status = 'completed'", new { tenant }));
        Assert.Equal(Calls, await db.QuerySingleAsync<int>(
            "SELECT count(DISTINCT body->>'callId')::int FROM outbox_messages WHERE tenant_id = @tenant AND message_type LIKE '%.CallCompleted'", new { tenant }));
        Assert.Equal(Calls, await db.QuerySingleAsync<int>(
            "SELECT count(*)::int FROM outbox_messages WHERE tenant_id = @tenant AND message_type LIKE '%.CallAnswered'", new { tenant }));

        // Each call was offered once, to one agent (nobody let an offer ring out here).
        Assert.Equal(Calls, await db.QuerySingleAsync<int>(
            "SELECT count(*)::int FROM outbox_messages WHERE tenant_id = @tenant AND message_type LIKE '%.CallOffered'", new { tenant }));

        // An agent's history is one unbroken chain (every move starts where the previous one ended) ...
        var history = (await db.QueryAsync<(Guid Agent, string From, string To)>(
            "SELECT agent_id, from_state, to_state FROM agent_state_history WHERE tenant_id = @tenant ORDER BY agent_id, id", new { tenant })).ToList();
        foreach (var chain in history.GroupBy(h => h.Agent))
        {
            var moves = chain.ToList();
            for (var i = 1; i < moves.Count; i++)
            {
                Assert.True(moves[i].From == moves[i - 1].To, $"agent {chain.Key}: {moves[i - 1].From}->{moves[i - 1].To} then {moves[i].From}->{moves[i].To}");
            }
        }
        // ... and their calls never overlap in time.
        var talks = (await db.QueryAsync<(Guid Agent, DateTime Answered, DateTime Completed)>(
            "SELECT agent_id, answered_at, completed_at FROM calls WHERE tenant_id = @tenant ORDER BY agent_id, answered_at", new { tenant })).ToList();
        foreach (var agentCalls in talks.GroupBy(t => t.Agent))
        {
            var list = agentCalls.ToList();
            for (var i = 1; i < list.Count; i++)
            {
                Assert.True(list[i].Answered >= list[i - 1].Completed, $"agent {agentCalls.Key} answered a call before completing the previous one");
            }
        }
        // The line's order: a call that joined the line clearly earlier (by more than the time a commit takes) was offered no later.
        var offers = (await db.QueryAsync<(DateTime Enqueued, DateTime Offered)>(
            "SELECT enqueued_at, offered_at FROM calls WHERE tenant_id = @tenant", new { tenant })).ToList();
        var inversions = offers.SelectMany(a => offers.Where(b => a.Enqueued.AddMilliseconds(250) < b.Enqueued && a.Offered > b.Offered)).Count();
        Assert.Equal(0, inversions);
        output.WriteLine($"{Calls} calls through 2 replicas and {Agents} agents: {Calls} answered once, {doubleAccepts} simultaneous double accepts each won by one, 0 order inversions");
    }

    [Fact]
    public async Task A_call_offered_by_a_replica_that_goes_away_returns_to_the_line_and_is_answered_through_the_other()
    {
        var world = await QueueWorld.CreateAsync(platform);
        await world.ConfigureAsync(world.QueueId, new { name = "Fragile", offerTimeoutSeconds = 3, wrapUpSeconds = 0 });
        var replicaB = await platform.StartQueueReplicaAsync();
        var lost = await world.AddAgentAsync("Desktop on B");
        var rescuer = await world.AddAgentAsync("Desktop on A");
        await world.SetMembersAsync(world.QueueId, (lost, 1), (rescuer, 2));
        var viaB = TestTenant.WithToken(replicaB.CreateClient(), lost.Token);
        (await viaB.PutAsJsonAsync($"/api/queue/agents/{lost.Id}/state", new { state = "available" })).EnsureSuccessStatusCode();
        var pbxOnB = TestTenant.WithToken(replicaB.CreateClient(), world.Pbx.DefaultRequestHeaders.Authorization!.Parameter!);

        var callId = (await world.CallAsync(QueueWorld.UniqueNumber(), via: pbxOnB)).GetProperty("callId").GetGuid();
        Assert.Equal(callId, await world.WaitForOfferAsync(lost));
        await replicaB.DisposeAsync();   // the replica that made the offer, and the agent's desktop with it, are gone

        await QueueWorld.AvailableAsync(rescuer);
        Assert.Equal(callId, await world.WaitForOfferAsync(rescuer, TimeSpan.FromSeconds(15)));
        Assert.Equal(HttpStatusCode.OK, (await QueueWorld.AcceptAsync(rescuer, callId)).StatusCode);
        await QueueWorld.HangUpAsync(rescuer, callId);
        Assert.Equal("completed", await world.CallStatusAsync(callId));
        Assert.Equal("ring-no-answer", (await world.AgentAsync(lost.Id)).GetProperty("pauseCode").GetString());
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Npgsql;
using Platform.Faults.Tests.Support;
using Platform.ServiceDefaults.Auth;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Platform.Faults.Tests.Gateway;

/// <summary>
/// Two replicas of the real queue service (each its own process, one database, one broker) behind the gateway. Every agent
/// holds an offer made by replica A when A is killed with SIGKILL. Half of the agents answer theirs through the gateway
/// (which now reaches B only); the other half's desktops went with A and never answer, so their offers ring out on B's sweep
/// and the calls are offered again. Calls keep arriving, A comes back, and the agents work until every call has ended.
/// </summary>
public sealed class QueueReplicaKillMidOfferTests(ITestOutputHelper output)
{
    private const int AgentCount = 6;
    private const int LaterCalls = 24;

    private sealed record Agent(int Index, Guid Id, HttpClient Desk);

    [Fact]
    public async Task Killing_the_replica_that_made_the_open_offers_strands_no_call_and_no_agent_and_assigns_no_call_twice()
    {
        var servers = await TestServers.GetAsync();
        var prefix = Random.Shared.Next(0, 10_000);
        await using var replicas = await TwoQueueReplicas.StartAsync($"m{Guid.NewGuid().ToString("N")[..8]}");
        var (a, gateway) = (replicas.A, replicas.Gateway);

        // A call center: an admin, a PBX account, an inbound project with its queue, six agents signed in through the gateway.
        var (tenantId, slug) = await gateway.CreateTenantAsync();
        var (_, admin) = await SignedInAsync(gateway, tenantId, slug, "admin", Roles.Admin);
        var (_, pbx) = await SignedInAsync(gateway, tenantId, slug, "pbx", Roles.Telephony);
        var toClients = replicas.ClientsAs(admin);
        var created = await toClients.PostAsJsonAsync("/api/clients/projects", new { name = "Mid-offer hotline", direction = "inbound", timeZone = "Europe/Prague" });
        var projectId = (await JsonAsync(created)).GetProperty("id").GetGuid();
        var queueId = await DefaultQueueAsync(admin, projectId);
        (await admin.PutAsJsonAsync($"/api/queue/queues/{queueId}", new { name = "Mid-offer hotline", offerTimeoutSeconds = 4, wrapUpSeconds = 0 })).EnsureSuccessStatusCode();
        var agents = new List<Agent>();
        for (var i = 0; i < AgentCount; i++)
        {
            var (userId, desk) = await SignedInAsync(gateway, tenantId, slug, $"agent{i}", Roles.Agent);
            var agentCreated = await admin.PostAsJsonAsync("/api/queue/agents", new { name = $"Agent {i}", userId, skills = Array.Empty<object>(), projectIds = new[] { projectId } });
            agents.Add(new Agent(i, (await JsonAsync(agentCreated)).GetProperty("id").GetGuid(), desk));
        }
        (await admin.PutAsJsonAsync($"/api/queue/queues/{queueId}/members", agents.Select(x => new { agentId = x.Id, tier = 1 }).ToArray())).EnsureSuccessStatusCode();
        foreach (var agent in agents)
        {
            (await agent.Desk.PutAsJsonAsync($"/api/queue/agents/{agent.Id}/state", new { state = "available" })).EnsureSuccessStatusCode();
        }

        await using var db = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(servers.Postgres) { Database = TwoQueueReplicas.Database }.ConnectionString);
        await db.OpenAsync();

        // The PBX reports one call per agent to replica A directly: A makes the offers.
        var pbxOnA = new HttpClient { BaseAddress = new Uri(a.Address) };
        pbxOnA.DefaultRequestHeaders.Authorization = pbx.DefaultRequestHeaders.Authorization;
        var accepted = new ConcurrentBag<Guid>();
        for (var i = 0; i < AgentCount; i++)
        {
            var arrived = await pbxOnA.PostAsJsonAsync("/api/queue/calls", new { callerNumber = $"+420776{prefix:D4}{i:D2}", queueId });
            accepted.Add((await JsonAsync(arrived)).GetProperty("callId").GetGuid());
        }
        Dictionary<Guid, Guid> held = [];
        await Eventually.HoldsAsync(async () =>
        {
            held = (await db.QueryAsync<(Guid Agent, Guid Call)>("SELECT agent_id, call_id FROM call_offers WHERE tenant_id = @tenantId", new { tenantId }))
                .ToDictionary(o => o.Agent, o => o.Call);
            return held.Count == AgentCount;
        }, TimeSpan.FromSeconds(30), "every agent holds an offer");

        var killedAt = Stopwatch.StartNew();
        var killedUtc = DateTime.UtcNow;
        a.Kill();
        var gone = agents.Where(x => x.Index % 2 == 1).Select(x => x.Id).ToHashSet(); // their desktops went with A
        var ringOut = gone.Select(id => held[id]).ToHashSet();

        var failed = new ConcurrentBag<string>();
        var answered = new ConcurrentDictionary<Guid, Guid>();
        var doubleAnswers = 0;
        using var stop = new CancellationTokenSource();
        var work = agents.Select(agent => Task.Run(() => WorkAsync(agent))).ToList();

        async Task WorkAsync(Agent agent)
        {
            var skip = gone.Contains(agent.Id) ? held[agent.Id] : Guid.Empty;
            await using var own = new NpgsqlConnection(db.ConnectionString);
            while (!stop.IsCancellationRequested)
            {
                var (state, pause) = await own.QuerySingleAsync<(string, string?)>("SELECT state, pause_code FROM agents WHERE tenant_id = @tenantId AND id = @Id", new { tenantId, agent.Id });
                if (state == "break")
                {
                    await Task.Delay(500); // the desktop comes back (on the replica that is left) and the agent is ready again
                    await Send(() => agent.Desk.PutAsJsonAsync($"/api/queue/agents/{agent.Id}/state", new { state = "available" }), "available", HttpStatusCode.OK, HttpStatusCode.Conflict);
                    continue;
                }
                var offer = await own.QuerySingleOrDefaultAsync<Guid?>("SELECT call_id FROM call_offers WHERE tenant_id = @tenantId AND agent_id = @Id", new { tenantId, agent.Id });
                if (offer is not { } callId || callId == skip)
                {
                    await Task.Delay(30);
                    continue;
                }
                var accept = await Send(() => agent.Desk.PostAsJsonAsync($"/api/queue/calls/{callId}/accept", new { }), "accept", HttpStatusCode.OK, HttpStatusCode.Conflict);
                if (accept != HttpStatusCode.OK)
                {
                    continue; // rang out or taken back meanwhile: the call is offered again
                }
                if (!answered.TryAdd(callId, agent.Id))
                {
                    Interlocked.Increment(ref doubleAnswers);
                }
                await Task.Delay(Random.Shared.Next(50, 150));
                await Send(() => agent.Desk.PostAsJsonAsync($"/api/queue/calls/{callId}/hangup", new { }), "hangup", HttpStatusCode.OK);
            }
        }

        // An answer other than the expected ones is counted; a request that failed in flight (502/503) is sent again, as a desktop would.
        async Task<HttpStatusCode> Send(Func<Task<HttpResponseMessage>> request, string what, params HttpStatusCode[] expected)
        {
            for (var attempt = 0; ; attempt++)
            {
                var response = await request();
                if (expected.Contains(response.StatusCode) || attempt == 5)
                {
                    if (!expected.Contains(response.StatusCode))
                    {
                        failed.Add($"{what} {(int)response.StatusCode}");
                    }
                    return response.StatusCode;
                }
                failed.Add($"{what} {(int)response.StatusCode} (sent again)");
                await Task.Delay(200);
            }
        }

        // Calls keep arriving through the gateway while A is away and after it is back.
        var pbxFailed = 0;
        var arriving = Task.Run(async () =>
        {
            for (var n = 0; n < LaterCalls; n++)
            {
                var arrived = await pbx.PostAsJsonAsync("/api/queue/calls", new { callerNumber = $"+420777{prefix:D4}{n:D2}", queueId });
                if (arrived.IsSuccessStatusCode)
                {
                    accepted.Add((await JsonAsync(arrived)).GetProperty("callId").GetGuid());
                }
                else
                {
                    Interlocked.Increment(ref pbxFailed);
                }
                await Task.Delay(250);
            }
        });
        await Task.Delay(TimeSpan.FromSeconds(3));
        var readyAt = await a.StartAsync();
        var servedAgain = await replicas.AServedAgainAsync(readyAt);
        await arriving;

        string[] open = ["waiting", "offered", "on_call", "wrap_up"];
        await Eventually.HoldsAsync(async () => await db.QuerySingleAsync<int>(
                "SELECT count(*)::int FROM calls WHERE tenant_id = @tenantId AND status = ANY(@open)", new { tenantId, open }) == 0,
            TimeSpan.FromSeconds(90), "every call has ended");
        var allEnded = killedAt.Elapsed;
        await stop.CancelAsync();
        await Task.WhenAll(work);

        var calls = (await db.QueryAsync<(Guid Id, string Status, int RingNoAnswers, Guid? AgentId)>(
            "SELECT id, status, ring_no_answers, agent_id FROM calls WHERE tenant_id = @tenantId", new { tenantId })).ToDictionary(c => c.Id);
        var answeredEvents = (await db.QueryAsync<Guid>(
            "SELECT (body->>'callId')::uuid FROM outbox_messages WHERE tenant_id = @tenantId AND message_type LIKE '%.CallAnswered'", new { tenantId })).ToList();
        var stuck = await db.QueryAsync<(Guid, string)>(
            "SELECT id, state FROM agents WHERE tenant_id = @tenantId AND state NOT IN ('available', 'break')", new { tenantId });
        var offersLeft = await db.QuerySingleAsync<int>("SELECT count(*)::int FROM call_offers WHERE tenant_id = @tenantId", new { tenantId });
        var talks = (await db.QueryAsync<(Guid Agent, DateTime Answered, DateTime Completed)>(
            "SELECT agent_id, answered_at, completed_at FROM calls WHERE tenant_id = @tenantId AND answered_at IS NOT NULL ORDER BY agent_id, answered_at", new { tenantId })).ToList();
        var overlaps = talks.GroupBy(t => t.Agent).Sum(g => g.Zip(g.Skip(1)).Count(p => p.Second.Answered < p.First.Completed));

        output.WriteLine($"{AgentCount} agents held offers made by replica A when it was killed (SIGKILL); " +
                         $"{accepted.Count} calls accepted, {calls.Values.Count(c => c.Status == "completed")} completed, " +
                         $"{calls.Values.Count(c => c.Status != "completed")} ended otherwise ({string.Join(", ", calls.Values.Where(c => c.Status != "completed").Select(c => c.Status).Distinct())}); " +
                         $"{ringOut.Count} offers of vanished desktops rang out and were offered again; {answeredEvents.Count} answers for {answeredEvents.Distinct().Count()} calls; " +
                         $"{failed.Count} agent requests failed ({string.Join(", ", failed.GroupBy(f => f).Select(g => $"{g.Count()} × {g.Key}"))}), {pbxFailed} PBX reports failed; " +
                         $"every call ended {allEnded.TotalSeconds:0.0} s after the kill (A ready again {(readyAt - killedUtc).TotalSeconds:0.0} s after it, " +
                         $"back among the gateway's destinations {servedAgain.TotalSeconds:0.00} s after it answered)");

        Assert.Empty(accepted.Except(calls.Keys));                                   // 0 lost
        Assert.All(calls.Values, c => Assert.DoesNotContain(c.Status, open));          // every call reached an end
        Assert.All(ringOut, id => Assert.True(calls[id].RingNoAnswers >= 1 && calls[id].Status == "completed",
            $"call {id}, offered to a desktop that vanished: {calls[id].Status} after {calls[id].RingNoAnswers} ring-no-answers"));
        Assert.Equal(answeredEvents.Distinct().Count(), answeredEvents.Count);      // no call answered twice
        Assert.Equal(0, doubleAnswers);
        Assert.Equal(0, overlaps);                                                   // no agent on two calls at once
        Assert.Empty(stuck);                                                         // nobody left offered, on a call or in wrap-up
        Assert.Equal(0, offersLeft);
        Assert.True(pbxFailed <= 1, $"{pbxFailed} PBX reports failed: more than one in flight on the killed replica");
    }

    private static async Task<(Guid UserId, HttpClient Client)> SignedInAsync(GatewayAlone gateway, Guid tenantId, string slug, string username, string role)
    {
        var (userId, password) = await gateway.CreateUserAsync(tenantId, username, [role]);
        return (userId, await gateway.SignedInAsync(slug, username, password));
    }

    private static async Task<Guid> DefaultQueueAsync(HttpClient admin, Guid projectId)
    {
        var queueId = Guid.Empty;
        await Eventually.HoldsAsync(async () =>
        {
            var queues = await admin.GetAsync($"/api/queue/projects/{projectId}/queues");
            var list = queues.IsSuccessStatusCode ? await JsonAsync(queues) : default;
            queueId = list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0 ? list[0].GetProperty("id").GetGuid() : Guid.Empty;
            return queueId != Guid.Empty;
        }, TimeSpan.FromSeconds(60), "the queue service made the project's queue");
        return queueId;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}

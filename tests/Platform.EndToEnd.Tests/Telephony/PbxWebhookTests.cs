using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.EndToEnd.Tests.Queue;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Telephony;

/// <summary>
/// Push delivery of the command stream through the gateway (docs/telephony.md, "Push: signed webhooks"): the platform
/// POSTs each batch to the tenant's webhook, a real HTTP listener, signed like the pull stream; a PBX that fails is retried
/// with backoff, order per call holds, nothing is lost to a replica that died holding the delivery, and two replicas never
/// deliver to one tenant at once.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class PbxWebhookTests(PlatformUnderTest platform)
{
    private static async Task<string> RotateAsync(QueueWorld world)
    {
        var rotated = await world.Admin.PostAsJsonAsync("/api/queue/telephony/signing/secrets", new { previousValidHours = 0 });
        Assert.Equal(HttpStatusCode.Created, rotated.StatusCode);
        return (await rotated.JsonAsync()).GetProperty("secret").GetString()!;
    }

    private static async Task RegisterAsync(QueueWorld world, WebhookReceiver receiver)
    {
        var registered = await world.Admin.PutAsJsonAsync("/api/queue/telephony/webhook", new { url = receiver.Url });
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.True((await registered.JsonAsync()).GetProperty("registered").GetBoolean());
    }

    private static async Task<JsonElement> StatusAsync(QueueWorld world) => await (await world.Admin.GetAsync("/api/queue/telephony/webhook")).JsonAsync();

    private static async Task WaitUntilDeliveredAsync(QueueWorld world, string what) =>
        await Eventually.HoldsAsync(async () => (await StatusAsync(world)).GetProperty("pending").GetInt64() == 0, TimeSpan.FromSeconds(60), what);

    /// <summary>A call answered by the agent, held and taken off hold: ring, bridge, hold, unhold, in that order for the PBX.</summary>
    private static async Task<Guid> TalkWithHoldAsync(QueueWorld world, QueueWorld.Agent agent)
    {
        var callId = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        Assert.Equal(callId, await world.WaitForOfferAsync(agent));
        Assert.Equal(HttpStatusCode.OK, (await QueueWorld.AcceptAsync(agent, callId)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.Client.PostAsync($"/api/queue/calls/{callId}/hold", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.Client.PostAsync($"/api/queue/calls/{callId}/resume", null)).StatusCode);
        return callId;
    }

    private static string[] KindsOf(IEnumerable<JsonElement> commands, Guid callId) =>
        commands.Where(c => c.GetProperty("callId").GetGuid() == callId).Select(c => c.GetProperty("kind").GetString()!).ToArray();

    [Fact]
    public async Task Commands_are_pushed_signed_and_in_order_per_call_after_the_pbx_failed_a_round_of_retries()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var secret = await RotateAsync(world);
        // 5 refusals: the first round's 4 attempts all fail (the backoff is kept in the database), the second round's second succeeds.
        await using var receiver = await WebhookReceiver.StartAsync(() => secret, failFirst: 5);
        await RegisterAsync(world, receiver);
        var ann = await world.AddAgentAsync("Ann");
        var bob = await world.AddAgentAsync("Bob");
        await world.SetMembersAsync(ann, bob);
        await QueueWorld.AvailableAsync(ann);
        var first = await TalkWithHoldAsync(world, ann);
        await QueueWorld.AvailableAsync(bob);
        var second = await TalkWithHoldAsync(world, bob);

        await WaitUntilDeliveredAsync(world, "every command pushed to the webhook");
        Assert.Equal(["ring", "bridge", "hold", "unhold"], KindsOf(receiver.Commands, first));
        Assert.Equal(["ring", "bridge", "hold", "unhold"], KindsOf(receiver.Commands, second));
        var sequences = receiver.Commands.Select(c => c.GetProperty("sequence").GetInt64()).ToArray();
        Assert.Equal(sequences.Order(), sequences); // the stream's order, batch after batch
        Assert.Equal(sequences.Length, receiver.Commands.Select(c => c.GetProperty("commandId").GetGuid()).Distinct().Count());
        Assert.Equal(0, receiver.BadlySigned);
        Assert.True(receiver.Posts > 5, $"{receiver.Posts} POSTs: the refused ones were retried");

        var status = await StatusAsync(world);
        Assert.Equal(0, status.GetProperty("failures").GetInt32());
        Assert.Equal(JsonValueKind.String, status.GetProperty("lastFailedAt").ValueKind); // the failed round was recorded
        Assert.Equal(sequences.Length, status.GetProperty("delivered").GetInt64());
        var pulled = await (await world.Pbx.GetAsync("/api/queue/telephony/commands?limit=10")).JsonAsync();
        Assert.Equal(0, pulled.GetProperty("commands").GetArrayLength()); // delivered by push, so acknowledged in the stream
    }

    [Fact]
    public async Task A_delivery_left_by_a_replica_that_died_is_taken_over_when_its_lease_runs_out()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var secret = await RotateAsync(world);
        await using var receiver = await WebhookReceiver.StartAsync(() => secret);
        await RegisterAsync(world, receiver);
        // What a replica that claimed the tenant and then died leaves behind: a lease nobody will renew or release.
        await using (var db = platform.Database("queue"))
        {
            await db.OpenAsync();
            await using var command = db.CreateCommand();
            command.CommandText = "UPDATE pbx_webhooks SET lease_owner = gen_random_uuid(), lease_until = now() + interval '3 seconds' WHERE tenant_id = $1";
            command.Parameters.AddWithValue(world.Tenant.Id);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
        var ann = await world.AddAgentAsync("Ann");
        await world.SetMembersAsync(ann);
        await QueueWorld.AvailableAsync(ann);
        var callId = await TalkWithHoldAsync(world, ann);

        await WaitUntilDeliveredAsync(world, "the commands pushed once the dead replica's lease ran out");
        Assert.Equal(["ring", "bridge", "hold", "unhold"], KindsOf(receiver.Commands, callId));
    }

    [Fact]
    public async Task Two_replicas_never_push_to_one_tenant_at_the_same_time()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var secret = await RotateAsync(world);
        await using var receiver = await WebhookReceiver.StartAsync(() => secret, delay: TimeSpan.FromMilliseconds(300));
        var replica = await platform.StartQueueReplicaAsync();
        await RegisterAsync(world, receiver);
        var agents = new List<QueueWorld.Agent>();
        for (var i = 0; i < 4; i++)
        {
            agents.Add(await world.AddAgentAsync($"Agent {i}"));
        }
        await world.SetMembersAsync([.. agents]);
        foreach (var agent in agents)
        {
            await QueueWorld.AvailableAsync(agent);
        }
        var calls = new List<Guid>();
        foreach (var agent in agents)
        {
            calls.Add(await TalkWithHoldAsync(world, agent));
        }

        await WaitUntilDeliveredAsync(world, "every command pushed");
        Assert.Equal(1, receiver.MaxInFlight);
        var ids = receiver.Commands.Select(c => c.GetProperty("commandId").GetGuid()).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count()); // no batch taken twice
        Assert.All(calls, call => Assert.Equal(["ring", "bridge", "hold", "unhold"], KindsOf(receiver.Commands, call)));
        await replica.DisposeAsync();
    }

    [Fact]
    public async Task A_webhook_needs_a_signing_secret_and_a_plain_url_and_removing_it_leaves_the_pull_stream()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var noSecret = await world.Admin.PutAsJsonAsync("/api/queue/telephony/webhook", new { url = "https://pbx.example/commands" });
        Assert.Equal(HttpStatusCode.Conflict, noSecret.StatusCode);
        Assert.Contains("signing secret", (await noSecret.JsonAsync()).GetProperty("detail").GetString());
        await RotateAsync(world);
        foreach (var bad in new[] { "pbx.example/commands", "ftp://pbx.example/", "https://user:pw@pbx.example/commands", "" })
        {
            var refused = await world.Admin.PutAsJsonAsync("/api/queue/telephony/webhook", new { url = bad });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }
        Assert.False((await StatusAsync(world)).GetProperty("registered").GetBoolean());

        // A PBX that never answers: registered, then removed; its commands stay in the pull stream.
        Assert.Equal(HttpStatusCode.OK, (await world.Admin.PutAsJsonAsync("/api/queue/telephony/webhook", new { url = "http://127.0.0.1:9/commands" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await world.Admin.DeleteAsync("/api/queue/telephony/webhook")).StatusCode);
        var ann = await world.AddAgentAsync("Ann");
        await world.SetMembersAsync(ann);
        await QueueWorld.AvailableAsync(ann);
        var callId = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        await world.WaitForOfferAsync(ann);
        var pulled = await (await world.Pbx.GetAsync("/api/queue/telephony/commands?limit=10")).JsonAsync();
        Assert.Equal(["ring"], KindsOf(pulled.GetProperty("commands").EnumerateArray(), callId));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Queue;

/// <summary>The telephony contract both ways, as a PBX adapter sees it through the gateway (docs/telephony.md).</summary>
[Collection(PlatformCollection.Name)]
public sealed class TelephonyContractTests(PlatformUnderTest platform)
{
    private static async Task<JsonElement[]> CommandsAsync(QueueWorld world, Guid callId) =>
        [.. (await (await world.Pbx.GetAsync("/api/queue/telephony/commands?limit=500")).JsonAsync()).GetProperty("commands").EnumerateArray()
            .Where(c => c.GetProperty("callId").ValueKind == JsonValueKind.String && c.GetProperty("callId").GetGuid() == callId)];

    private static async Task<JsonElement> CommandAsync(QueueWorld world, Guid callId, string kind)
    {
        JsonElement found = default;
        await Eventually.HoldsAsync(async () =>
        {
            var all = await CommandsAsync(world, callId);
            found = all.FirstOrDefault(c => c.GetProperty("kind").GetString() == kind);
            return found.ValueKind == JsonValueKind.Object;
        }, TimeSpan.FromSeconds(10), $"a {kind} command for call {callId}");
        return found;
    }

    private static async Task SetDeviceAsync(QueueWorld world, QueueWorld.Agent agent, string extension)
    {
        var response = await world.Admin.PutAsJsonAsync($"/api/queue/agents/{agent.Id}/device", new { extension, phone = "+420 601 123 456" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_offer_rings_the_agents_device_and_the_pbxs_answer_bridges_the_caller()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var agent = await world.AddAgentAsync("Desk 1");
        await world.SetMembersAsync(agent);
        await SetDeviceAsync(world, agent, "1001");
        await using var events = await SseReader.OpenAsync(agent.Client, $"/api/queue/agents/{agent.Id}/events");
        var first = await events.NextAsync(e => e.Name == "agent", TimeSpan.FromSeconds(10));
        Assert.Equal("1001", first.Data.GetProperty("device").GetProperty("extension").GetString());
        await QueueWorld.AvailableAsync(agent);
        var callId = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();

        var ring = await CommandAsync(world, callId, "ring");
        Assert.Equal("1001", ring.GetProperty("body").GetProperty("device").GetProperty("extension").GetString());
        Assert.Equal(agent.Id, ring.GetProperty("body").GetProperty("agentId").GetGuid());
        var answered = await world.Pbx.PostAsJsonAsync($"/api/queue/calls/{callId}/ring-result", new { agentId = agent.Id, result = "answered" });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal("on_call", (await answered.JsonAsync()).GetProperty("status").GetString());
        var bridge = await CommandAsync(world, callId, "bridge");
        Assert.True(ring.GetProperty("sequence").GetInt64() < bridge.GetProperty("sequence").GetInt64());

        var ack = await world.Pbx.PostAsJsonAsync("/api/queue/telephony/commands/ack",
            new { commandIds = new[] { ring.GetProperty("commandId").GetGuid(), bridge.GetProperty("commandId").GetGuid() } });
        Assert.Equal(2, (await ack.JsonAsync()).GetProperty("acknowledged").GetInt32());
        Assert.Empty(await CommandsAsync(world, callId));
    }

    [Fact]
    public async Task An_agent_whose_device_is_unregistered_is_not_offered_and_a_busy_device_sends_the_call_on()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var away = await world.AddAgentAsync("Phone unplugged");
        var busy = await world.AddAgentAsync("Busy phone");
        var ready = await world.AddAgentAsync("Ready");
        await world.SetMembersAsync(away, busy, ready);
        await SetDeviceAsync(world, away, "2001");
        var presence = await world.Pbx.PostAsJsonAsync("/api/queue/telephony/presence", new { device = "2001", registered = false });
        Assert.Equal(HttpStatusCode.OK, presence.StatusCode);
        await QueueWorld.AvailableAsync(away);
        await QueueWorld.AvailableAsync(busy);
        var callId = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        Assert.Equal(callId, await world.WaitForOfferAsync(busy));

        var busyResult = await world.Pbx.PostAsJsonAsync($"/api/queue/calls/{callId}/ring-result", new { agentId = busy.Id, result = "busy" });
        Assert.Equal(HttpStatusCode.OK, busyResult.StatusCode);
        Assert.Equal("device-busy", (await world.AgentAsync(busy.Id)).GetProperty("pauseCode").GetString());
        await QueueWorld.AvailableAsync(ready);

        Assert.Equal(callId, await world.WaitForOfferAsync(ready));
        Assert.Null(await world.OfferOfAsync(away));
        Assert.Equal(HttpStatusCode.Conflict,
            (await world.Pbx.PostAsJsonAsync($"/api/queue/calls/{callId}/ring-result", new { agentId = busy.Id, result = "no_answer" })).StatusCode);
    }

    [Fact]
    public async Task A_callback_taken_by_an_agent_asks_the_pbx_to_dial_and_records_the_outcome()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var agent = await world.AddAgentAsync("Caller-backer");
        await world.SetMembersAsync(agent);
        var callId = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        await world.Pbx.PostAsJsonAsync($"/api/queue/calls/{callId}/callback", new { number = "+420 601 000 333" });
        await QueueWorld.AvailableAsync(agent);
        await world.WaitForOfferAsync(agent);
        Assert.Equal(HttpStatusCode.OK, (await QueueWorld.AcceptAsync(agent, callId)).StatusCode);

        var dial = await CommandAsync(world, callId, "dial_out");
        Assert.Equal("+420601000333", dial.GetProperty("body").GetProperty("number").GetString());
        Assert.Equal("callback", dial.GetProperty("body").GetProperty("purpose").GetString());
        var result = await world.Pbx.PostAsJsonAsync($"/api/queue/calls/{callId}/dial-result", new { result = "answering_machine" });

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        var call = await world.CallViewAsync(callId);
        Assert.Equal(("wrap_up", "callback: answering machine"), (call.GetProperty("status").GetString(), call.GetProperty("endReason").GetString()));
    }

    [Fact]
    public async Task A_resynchronisation_settles_the_calls_the_pbx_no_longer_has()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var kept = await world.Pbx.PostAsJsonAsync("/api/queue/calls", new { callerNumber = QueueWorld.UniqueNumber(), queueId = world.QueueId, externalId = "pbx-kept" });
        var lost = await world.Pbx.PostAsJsonAsync("/api/queue/calls", new { callerNumber = QueueWorld.UniqueNumber(), queueId = world.QueueId, externalId = "pbx-lost" });
        var keptId = (await kept.JsonAsync()).GetProperty("callId").GetGuid();
        var lostId = (await lost.JsonAsync()).GetProperty("callId").GetGuid();
        var live = await (await world.Pbx.GetAsync("/api/queue/telephony/calls")).JsonAsync();
        Assert.Equal(2, live.GetArrayLength());

        var resync = await world.Pbx.PostAsJsonAsync("/api/queue/telephony/resync", new { liveExternalIds = new[] { "pbx-kept", "pbx-new" } });

        Assert.Equal(HttpStatusCode.OK, resync.StatusCode);
        var body = await resync.JsonAsync();
        Assert.Equal([lostId], body.GetProperty("settled").EnumerateArray().Select(e => e.GetGuid()));
        Assert.Equal(["pbx-new"], body.GetProperty("unknownToPlatform").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("waiting", await world.CallStatusAsync(keptId));
        var settled = await world.CallViewAsync(lostId);
        Assert.Equal("abandoned", settled.GetProperty("status").GetString());
        Assert.Contains("resynchronisation", settled.GetProperty("endReason").GetString());
    }

    [Fact]
    public async Task A_call_the_pbx_stopped_reporting_on_is_closed_by_the_sweep_with_the_reason()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var callId = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        var fresh = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        await using (var db = platform.Database("queue"))
        {
            await Dapper.SqlMapper.ExecuteAsync(db, "UPDATE calls SET pbx_seen_at = now() - interval '2 minutes' WHERE id = @callId", new { callId });
        }
        var services = platform.Queue.Services;
        var sweep = new Platform.Queue.Telephony.StaleCallSweep(
            services.GetRequiredKeyedService<Npgsql.NpgsqlDataSource>(Platform.ServiceDefaults.Database.CrossTenantDataSource.Key),
            services.GetRequiredService<Platform.Queue.Dispatch.Dispatcher>(),
            new Platform.Queue.Telephony.StaleCallOptions { StaleAfterMinutes = 1 }, TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Platform.Queue.Telephony.StaleCallSweep>.Instance);

        // The test database holds other tests' old calls too: the sweep takes the oldest 200 at a time.
        for (var round = 0; round < 100 && await sweep.SweepAsync(CancellationToken.None) > 0; round++)
        {
        }

        var closed = await world.CallViewAsync(callId);
        Assert.Equal(("abandoned", "no report from the PBX for 1 minutes"), (closed.GetProperty("status").GetString(), closed.GetProperty("endReason").GetString()));
        Assert.Equal("waiting", await world.CallStatusAsync(fresh));
    }
}

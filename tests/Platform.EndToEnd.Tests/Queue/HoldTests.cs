using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Queue;

/// <summary>
/// Hold and resume by the agent on the call: the PBX is told (hold / unhold), each hold is measured by the platform, a
/// call can be held several times, and the total reaches CallCompleted. Time on hold is made to pass by moving the hold's
/// start back in the database, so no assertion depends on how fast the machine is.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class HoldTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task A_call_held_twice_records_both_holds_tells_the_pbx_and_carries_the_total_on_call_completed()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var agent = await world.AddAgentAsync("Holder");
        var other = await world.AddAgentAsync("Neighbour");
        await world.SetMembersAsync(agent);
        await QueueWorld.AvailableAsync(agent);
        var callId = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        await world.WaitForOfferAsync(agent);
        var notYet = await agent.Client.PostAsync($"/api/queue/calls/{callId}/hold", null);
        (await QueueWorld.AcceptAsync(agent, callId)).EnsureSuccessStatusCode();
        await PassAsync(callId, "answered_at", 120);
        await using var events = await SseReader.OpenAsync(agent.Client, $"/api/queue/agents/{agent.Id}/events");
        await events.NextAsync(e => e.Name == "agent" && e.Data.GetProperty("state").GetString() == "on_call", TimeSpan.FromSeconds(10));

        var held = await agent.Client.PostAsync($"/api/queue/calls/{callId}/hold", null);
        var pushed = await events.NextAsync(e => e.Name == "agent" && e.Data.GetProperty("call").ValueKind == JsonValueKind.Object
                                                 && e.Data.GetProperty("call").GetProperty("heldSince").ValueKind == JsonValueKind.String, TimeSpan.FromSeconds(10));
        var heldAgain = await agent.Client.PostAsync($"/api/queue/calls/{callId}/hold", null);
        var byOther = await other.Client.PostAsync($"/api/queue/calls/{callId}/resume", null);
        await PassAsync(callId, "held_since", 30);
        var resumed = await agent.Client.PostAsync($"/api/queue/calls/{callId}/resume", null);
        var resumedAgain = await agent.Client.PostAsync($"/api/queue/calls/{callId}/resume", null);
        (await agent.Client.PostAsync($"/api/queue/calls/{callId}/hold", null)).EnsureSuccessStatusCode();
        await PassAsync(callId, "held_since", 20);
        var givenToo = await QueueWorld.HangUpAsync(agent, callId, holdSeconds: 5);
        var hungUp = await QueueWorld.HangUpAsync(agent, callId, holdSeconds: 0);   // during the second hold: it ends with the talk

        Assert.Equal(HttpStatusCode.Conflict, notYet.StatusCode);
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        var onHold = await held.JsonAsync();
        Assert.Equal(JsonValueKind.String, onHold.GetProperty("heldSince").ValueKind);
        Assert.Equal(1, onHold.GetProperty("holds").GetInt32());
        Assert.Equal(callId, pushed.Data.GetProperty("call").GetProperty("callId").GetGuid());
        Assert.Equal(HttpStatusCode.Conflict, heldAgain.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byOther.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        var back = await resumed.JsonAsync();
        Assert.Equal(JsonValueKind.Null, back.GetProperty("heldSince").ValueKind);
        var firstHold = back.GetProperty("holdSeconds").GetInt32();
        Assert.InRange(firstHold, 30, 120);
        Assert.Equal(HttpStatusCode.Conflict, resumedAgain.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, givenToo.StatusCode);
        Assert.Contains("holdSeconds", await givenToo.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, hungUp.StatusCode);
        var ended = await hungUp.JsonAsync();
        Assert.Equal(2, ended.GetProperty("holds").GetInt32());
        var total = ended.GetProperty("holdSeconds").GetInt32();
        Assert.InRange(total, firstHold + 20, 120);
        Assert.Equal(JsonValueKind.Null, ended.GetProperty("heldSince").ValueKind);

        var kinds = (await PbxCommandsAsync(world, callId)).Where(k => k is "hold" or "unhold");
        Assert.Equal(["hold", "unhold", "hold"], kinds);   // the hang-up ends the PBX's call legs itself

        (await QueueWorld.WrapUpDoneAsync(agent, callId)).EnsureSuccessStatusCode();
        await using var db = platform.Database("queue");
        var completed = await db.QuerySingleAsync<string>(
            "SELECT body::text FROM outbox_messages WHERE tenant_id = @Id AND message_type LIKE '%CallCompleted' AND body->>'callId' = @call",
            new { world.Tenant.Id, call = callId.ToString() });
        using var body = JsonDocument.Parse(completed);
        Assert.Equal(total, body.RootElement.GetProperty("holdSeconds").GetDouble());
        Assert.Equal(2, body.RootElement.GetProperty("holds").GetInt32());
        Assert.True(body.RootElement.GetProperty("talkSeconds").GetDouble() >= total, "talk (hold included) is at least the hold");
    }

    [Fact]
    public async Task A_transfer_during_a_hold_ends_it_and_the_next_agent_starts_with_no_hold()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var first = await world.AddAgentAsync("First");
        var second = await world.AddAgentAsync("Second");
        await world.SetMembersAsync(first, second);
        await QueueWorld.AvailableAsync(first);
        var callId = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        await world.WaitForOfferAsync(first);
        (await QueueWorld.AcceptAsync(first, callId)).EnsureSuccessStatusCode();
        (await first.Client.PostAsync($"/api/queue/calls/{callId}/hold", null)).EnsureSuccessStatusCode();

        var transferred = await first.Client.PostAsJsonAsync($"/api/queue/calls/{callId}/transfer", new { agentId = second.Id });
        Assert.Equal(HttpStatusCode.Conflict, transferred.StatusCode);   // the second agent is logged out: refused, still on hold
        Assert.Equal(JsonValueKind.String, (await world.CallViewAsync(callId)).GetProperty("heldSince").ValueKind);
        await QueueWorld.AvailableAsync(second);
        transferred = await first.Client.PostAsJsonAsync($"/api/queue/calls/{callId}/transfer", new { agentId = second.Id });
        Assert.Equal(HttpStatusCode.OK, transferred.StatusCode);
        await world.WaitForOfferAsync(second);
        (await QueueWorld.AcceptAsync(second, callId)).EnsureSuccessStatusCode();

        var view = await world.CallViewAsync(callId);
        Assert.Equal((JsonValueKind.Null, 0, 0), (view.GetProperty("heldSince").ValueKind, view.GetProperty("holds").GetInt32(), view.GetProperty("holdSeconds").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, (await second.Client.PostAsync($"/api/queue/calls/{callId}/hold", null)).StatusCode);
    }

    /// <summary>Moves a moment of the call <paramref name="seconds"/> into the past: as if that much time had passed since.</summary>
    private async Task PassAsync(Guid callId, string column, int seconds)
    {
        await using var db = platform.Database("queue");
        await db.ExecuteAsync($"UPDATE calls SET {column} = {column} - make_interval(secs => @seconds) WHERE id = @callId", new { callId, seconds });
    }

    private static async Task<string[]> PbxCommandsAsync(QueueWorld world, Guid callId) =>
        [.. (await (await world.Pbx.GetAsync("/api/queue/telephony/commands?limit=500")).JsonAsync()).GetProperty("commands").EnumerateArray()
            .Where(c => c.GetProperty("callId").ValueKind == JsonValueKind.String && c.GetProperty("callId").GetGuid() == callId)
            .Select(c => c.GetProperty("kind").GetString()!)];
}

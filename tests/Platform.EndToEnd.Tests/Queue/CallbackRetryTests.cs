using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Queue;

/// <summary>
/// A callback's dial-out that finds no answer or a busy line is tried again later, up to the queue's number of attempts,
/// then ends with the reason; every attempt is recorded and published (DialOutEnded). The retry delay passing is a due
/// time moved back in the database.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CallbackRetryTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task No_answer_is_dialled_again_after_the_delay_and_the_last_attempt_ends_the_callback_with_the_count()
    {
        var world = await QueueWorld.CreateAsync(platform);
        await world.ConfigureAsync(world.QueueId, new { callbackMaxAttempts = 2, callbackRetryMinutes = 20, wrapUpSeconds = 600 });
        var agent = await world.AddAgentAsync("Caller-backer");
        await world.SetMembersAsync(agent);
        var callId = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        (await world.Pbx.PostAsJsonAsync($"/api/queue/calls/{callId}/callback", new { })).EnsureSuccessStatusCode();
        await QueueWorld.AvailableAsync(agent);
        await world.WaitForOfferAsync(agent);
        (await QueueWorld.AcceptAsync(agent, callId)).EnsureSuccessStatusCode();
        var before = DateTimeOffset.UtcNow;

        var first = await world.Pbx.PostAsJsonAsync($"/api/queue/calls/{callId}/dial-result", new { result = "no_answer" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var retrying = await first.JsonAsync();
        Assert.Equal(("waiting", 1, "no_answer"), (retrying.GetProperty("status").GetString(), retrying.GetProperty("dialAttempts").GetInt32(),
            retrying.GetProperty("dialResult").GetString()));
        Assert.Equal(JsonValueKind.Null, retrying.GetProperty("agentId").ValueKind);
        Assert.InRange(retrying.GetProperty("callbackDueAt").GetDateTimeOffset(), before.AddMinutes(20).AddSeconds(-5), DateTimeOffset.UtcNow.AddMinutes(20).AddSeconds(5));
        Assert.Equal("available", (await world.AgentAsync(agent.Id)).GetProperty("state").GetString());   // nobody reached: no wrap-up
        Assert.Null(await world.OfferOfAsync(agent));                                                      // not before its time

        await using var db = platform.Database("queue");
        await db.ExecuteAsync("UPDATE calls SET callback_due_at = now() - interval '1 second' WHERE id = @callId", new { callId });
        Assert.Equal(callId, await world.WaitForOfferAsync(agent));
        (await QueueWorld.AcceptAsync(agent, callId)).EnsureSuccessStatusCode();
        var last = await world.Pbx.PostAsJsonAsync($"/api/queue/calls/{callId}/dial-result", new { result = "busy" });

        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        var ended = await last.JsonAsync();
        Assert.Equal(("wrap_up", "callback: busy (2 attempts)", 2),
            (ended.GetProperty("status").GetString(), ended.GetProperty("endReason").GetString(), ended.GetProperty("dialAttempts").GetInt32()));
        var attempts = (await db.QueryAsync<(int Attempt, string Result, bool Retried)>(
            "SELECT attempt, result, retry_at IS NOT NULL FROM call_dial_attempts WHERE call_id = @callId ORDER BY attempt", new { callId })).ToList();
        Assert.Equal([(1, "no_answer", true), (2, "busy", false)], attempts);
        var events = (await db.QueryAsync<string>(
            "SELECT body::text FROM outbox_messages WHERE tenant_id = @Id AND message_type LIKE '%.DialOutEnded' AND body->>'callId' = @call ORDER BY created_at, message_id",
            new { world.Tenant.Id, call = callId.ToString() })).Select(b => JsonDocument.Parse(b).RootElement).ToList();
        Assert.Equal([(1, "no_answer", false), (2, "busy", true)],
            events.Select(e => (e.GetProperty("attempt").GetInt32(), e.GetProperty("result").GetString(), e.GetProperty("final").GetBoolean())));
        Assert.Equal(JsonValueKind.String, events[0].GetProperty("retryAt").ValueKind);
        Assert.Equal("callback", events[1].GetProperty("purpose").GetString());
    }

    [Fact]
    public async Task An_answering_machine_or_an_answer_is_not_dialled_again()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var agent = await world.AddAgentAsync("Caller-backer");
        await world.SetMembersAsync(agent);
        await QueueWorld.AvailableAsync(agent);
        var machine = await CallbackTakenAsync(world, agent);
        var result = await world.Pbx.PostAsJsonAsync($"/api/queue/calls/{machine}/dial-result", new { result = "answering_machine" });
        Assert.Equal(("wrap_up", 1), ((await result.JsonAsync()).GetProperty("status").GetString(), (await result.JsonAsync()).GetProperty("dialAttempts").GetInt32()));
        (await QueueWorld.WrapUpDoneAsync(agent, machine)).EnsureSuccessStatusCode();

        var person = await CallbackTakenAsync(world, agent);
        var answered = await world.Pbx.PostAsJsonAsync($"/api/queue/calls/{person}/dial-result", new { result = "answered" });
        Assert.Equal(("on_call", "answered"), ((await answered.JsonAsync()).GetProperty("status").GetString(), (await answered.JsonAsync()).GetProperty("dialResult").GetString()));
        Assert.Equal("callback: answering machine", (await world.CallViewAsync(machine)).GetProperty("endReason").GetString());
    }

    private static async Task<Guid> CallbackTakenAsync(QueueWorld world, QueueWorld.Agent agent)
    {
        var callId = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        (await world.Pbx.PostAsJsonAsync($"/api/queue/calls/{callId}/callback", new { })).EnsureSuccessStatusCode();
        Assert.Equal(callId, await world.WaitForOfferAsync(agent));
        (await QueueWorld.AcceptAsync(agent, callId)).EnsureSuccessStatusCode();
        return callId;
    }
}

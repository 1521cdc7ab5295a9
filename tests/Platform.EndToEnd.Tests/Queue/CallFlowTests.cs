using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Queue;

/// <summary>A call's life through the gateway: arrival, offer with its screen pop on the push channel, answer, wrap-up, completion.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CallFlowTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task A_call_is_offered_to_the_free_agent_with_a_screen_pop_and_completes_after_wrap_up()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var agent = await world.AddAgentAsync("Alice");
        await world.SetMembersAsync(agent);
        await using var events = await SseReader.OpenAsync(agent.Client, $"/api/queue/agents/{agent.Id}/events");
        Assert.Equal(HttpStatusCode.OK, events.Response.StatusCode);
        Assert.Equal("text/event-stream", events.Response.Content.Headers.ContentType?.MediaType);
        await events.NextAsync(e => e.Name == "agent" && e.Data.GetProperty("state").GetString() == "logged_out", TimeSpan.FromSeconds(10));
        await QueueWorld.AvailableAsync(agent);
        await events.NextAsync(e => e.Data.GetProperty("state").GetString() == "available", TimeSpan.FromSeconds(10));

        var caller = QueueWorld.UniqueNumber();
        var arrived = await world.CallAsync(caller);
        var callId = arrived.GetProperty("callId").GetGuid();

        var offer = await events.NextAsync(e => e.Data.GetProperty("state").GetString() == "offered", TimeSpan.FromSeconds(10));
        var pop = offer.Data.GetProperty("call");
        Assert.Equal(callId, pop.GetProperty("callId").GetGuid());
        Assert.Equal(caller, pop.GetProperty("callerNumber").GetString());
        Assert.Equal(world.ProjectId, pop.GetProperty("script").GetProperty("projectId").GetGuid());
        Assert.Equal("Hotline", pop.GetProperty("projectName").GetString());

        // Each command answers with the call as its transaction left it.
        var accepted = await QueueWorld.AcceptAsync(agent, callId);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var onCall = await accepted.JsonAsync();
        Assert.Equal(("on_call", agent.Id), (onCall.GetProperty("status").GetString(), onCall.GetProperty("agentId").GetGuid()));
        Assert.Equal(JsonValueKind.String, onCall.GetProperty("answeredAt").ValueKind);
        await events.NextAsync(e => e.Data.GetProperty("state").GetString() == "on_call", TimeSpan.FromSeconds(10));
        await Task.Delay(TimeSpan.FromSeconds(2));   // a hold of 4 s needs at least 2 s of talk (2 s of clock tolerance)
        var hungUp = await QueueWorld.HangUpAsync(agent, callId, holdSeconds: 4);
        Assert.Equal(HttpStatusCode.OK, hungUp.StatusCode);
        var wrapping = await hungUp.JsonAsync();
        Assert.Equal("wrap_up", wrapping.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, wrapping.GetProperty("endedAt").ValueKind);
        Assert.Equal("wrap_up", (await world.AgentAsync(agent.Id)).GetProperty("state").GetString());
        var wrappedUp = await QueueWorld.WrapUpDoneAsync(agent, callId);
        Assert.Equal(HttpStatusCode.OK, wrappedUp.StatusCode);
        var done = await wrappedUp.JsonAsync();
        Assert.Equal(("completed", callId), (done.GetProperty("status").GetString(), done.GetProperty("id").GetGuid()));
        Assert.Equal(JsonValueKind.String, done.GetProperty("completedAt").ValueKind);

        var call = await world.CallViewAsync(callId);
        Assert.Equal("completed", call.GetProperty("status").GetString());
        Assert.Equal(agent.Id, call.GetProperty("agentId").GetGuid());
        var after = await world.AgentAsync(agent.Id);
        Assert.Equal("available", after.GetProperty("state").GetString());
        Assert.Equal(1, after.GetProperty("callsHandledToday").GetInt32());

        await using var db = platform.Database("queue");
        var events2 = (await db.QueryAsync<string>(
            "SELECT message_type FROM outbox_messages WHERE tenant_id = @Id AND body->>'callId' = @call ORDER BY created_at, message_id",
            new { world.Tenant.Id, call = callId.ToString() })).ToList();
        Assert.Equal(["CallQueued", "CallOffered", "CallAnswered", "CallCompleted"], events2.Select(e => e[(e.LastIndexOf('.') + 1)..]).Where(e => !e.StartsWith("Agent")));
        var completed = await db.QuerySingleAsync<string>(
            "SELECT body::text FROM outbox_messages WHERE tenant_id = @Id AND message_type LIKE '%CallCompleted'", new { world.Tenant.Id });
        using var body = System.Text.Json.JsonDocument.Parse(completed);
        Assert.Equal(4, body.RootElement.GetProperty("holdSeconds").GetDouble());
        Assert.Equal(agent.Id, body.RootElement.GetProperty("agentId").GetGuid());
    }

    [Fact]
    public async Task Arrival_answers_the_place_in_line_and_an_estimated_wait()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var agent = await world.AddAgentAsync("Busy Bob");
        await world.SetMembersAsync(agent);
        await QueueWorld.SetStateAsync(agent, "break", "lunch");   // logged in (staffed for the estimate) but not taking calls
        await world.ConfigureAsync(world.QueueId, new { name = "Hotline inbound", defaultHandleSeconds = 120 });

        var first = await world.CallAsync(QueueWorld.UniqueNumber());
        var second = await world.CallAsync(QueueWorld.UniqueNumber());
        var vip = await world.CallAsync(QueueWorld.UniqueNumber(), vip: true);

        Assert.Equal(1, first.GetProperty("position").GetInt32());
        Assert.Equal(2, second.GetProperty("position").GetInt32());
        Assert.Equal(1, vip.GetProperty("position").GetInt32());
        Assert.Equal(3, (await world.CallViewAsync(second.GetProperty("callId").GetGuid())).GetProperty("position").GetInt32());
        var live = await (await world.Admin.GetAsync($"/api/queue/queues/{world.QueueId}")).JsonAsync();
        Assert.Equal(
            [vip.GetProperty("callId").GetGuid(), first.GetProperty("callId").GetGuid(), second.GetProperty("callId").GetGuid()],
            live.GetProperty("waiting").EnumerateArray().Select(w => w.GetProperty("callId").GetGuid()));
        Assert.Equal(1, live.GetProperty("agentsByState").GetProperty("break").GetInt32());
    }

    [Fact]
    public async Task A_repeated_report_of_the_same_pbx_call_creates_one_call()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var body = new { callerNumber = QueueWorld.UniqueNumber(), projectId = world.ProjectId, externalId = "pbx-123" };

        var first = await world.Pbx.PostAsJsonAsync("/api/queue/calls", body);
        var again = await world.Pbx.PostAsJsonAsync("/api/queue/calls", body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var callId = (await first.JsonAsync()).GetProperty("callId").GetGuid();
        Assert.Equal(callId, (await again.JsonAsync()).GetProperty("callId").GetGuid());
        // The repeat is refused by the unique PBX id inside its own transaction: nothing of it was written.
        await using var db = platform.Database("queue");
        Assert.Equal(1, await db.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM calls WHERE tenant_id = @Id AND external_id = 'pbx-123'", new { world.Tenant.Id }));
        Assert.Equal(1, await db.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE tenant_id = @Id AND message_type LIKE '%.CallQueued'", new { world.Tenant.Id }));
    }
}

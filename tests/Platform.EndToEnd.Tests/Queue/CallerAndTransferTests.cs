using System.Net;
using System.Net.Http.Json;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Queue;

/// <summary>What callers do on the line (hang up, ask for a callback) and what agents do with a call (transfer), and the refusals.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CallerAndTransferTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task A_caller_who_hangs_up_while_waiting_is_abandoned_with_the_time_waited()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var callId = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        await Task.Delay(300);

        var abandoned = await world.Pbx.PostAsync($"/api/queue/calls/{callId}/abandon", null);
        var again = await world.Pbx.PostAsync($"/api/queue/calls/{callId}/abandon", null);

        Assert.Equal(HttpStatusCode.OK, abandoned.StatusCode);
        Assert.Equal("abandoned", (await abandoned.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await using var db = platform.Database("queue");
        var waited = await Dapper.SqlMapper.QuerySingleAsync<double>(db, "SELECT wait_seconds FROM calls WHERE id = @callId", new { callId });
        Assert.InRange(waited, 0.3, 30);
    }

    [Fact]
    public async Task A_callback_keeps_the_callers_place_and_is_offered_as_a_callback()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var agent = await world.AddAgentAsync("Caller-backer");
        await world.SetMembersAsync(agent);
        var first = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        var second = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();

        var callback = await world.Pbx.PostAsJsonAsync($"/api/queue/calls/{first}/callback", new { number = "+420 601 000 111" });
        Assert.Equal(HttpStatusCode.OK, callback.StatusCode);
        Assert.Equal("+420601000111", (await callback.JsonAsync()).GetProperty("callbackNumber").GetString());

        await using var events = await SseReader.OpenAsync(agent.Client, $"/api/queue/agents/{agent.Id}/events");
        await QueueWorld.AvailableAsync(agent);
        var offer = await events.NextAsync(e => e.Data.GetProperty("state").GetString() == "offered", TimeSpan.FromSeconds(10));
        Assert.Equal(first, offer.Data.GetProperty("call").GetProperty("callId").GetGuid());
        Assert.Equal("+420601000111", offer.Data.GetProperty("call").GetProperty("callbackNumber").GetString());
        Assert.Equal("waiting", await world.CallStatusAsync(second));
    }

    [Fact]
    public async Task A_transfer_to_a_specialist_queue_keeps_the_calls_context_and_frees_the_first_agent_after_wrap_up()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var specialists = await world.CreateQueueAsync(new { name = "Specialists", wrapUpSeconds = 0 });
        var first = await world.AddAgentAsync("First line");
        var expert = await world.AddAgentAsync("Expert");
        await world.SetMembersAsync(first);
        await world.SetMembersAsync(specialists, (expert, 1));
        await QueueWorld.AvailableAsync(first);
        var callId = (await world.CallAsync(QueueWorld.UniqueNumber(), vip: true)).GetProperty("callId").GetGuid();
        await world.WaitForOfferAsync(first);
        await QueueWorld.AcceptAsync(first, callId);

        var transferred = await first.Client.PostAsJsonAsync($"/api/queue/calls/{callId}/transfer", new { queueId = specialists });
        await QueueWorld.AvailableAsync(expert);

        Assert.Equal(HttpStatusCode.OK, transferred.StatusCode);
        Assert.Equal(callId, await world.WaitForOfferAsync(expert));
        var call = await world.CallViewAsync(callId);
        Assert.Equal(specialists, call.GetProperty("queueId").GetGuid());
        Assert.True(call.GetProperty("vip").GetBoolean());
        Assert.Equal("wrap_up", (await world.AgentAsync(first.Id)).GetProperty("state").GetString());
        await QueueWorld.AvailableAsync(first);   // ends the wrap-up
        Assert.Equal("available", (await world.AgentAsync(first.Id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Illegal_commands_are_refused_and_change_nothing()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var agent = await world.AddAgentAsync("Careful");
        var other = await world.AddAgentAsync("Other");
        await world.SetMembersAsync(agent);
        var callId = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();

        var acceptWithoutOffer = await QueueWorld.AcceptAsync(agent, callId);
        var hangUpWaiting = await QueueWorld.HangUpAsync(agent, callId);
        var breakWhileLoggedOut = await QueueWorld.SetStateAsync(agent, "logged_out");
        await QueueWorld.AvailableAsync(agent);
        await world.WaitForOfferAsync(agent);
        var othersAccept = await QueueWorld.AcceptAsync(other, callId);
        var forSomeoneElse = await agent.Client.PostAsJsonAsync($"/api/queue/calls/{callId}/accept", new { agentId = other.Id });
        Assert.Equal(HttpStatusCode.OK, (await QueueWorld.AcceptAsync(agent, callId)).StatusCode);
        var secondAccept = await QueueWorld.AcceptAsync(agent, callId);
        var availableOnCall = await QueueWorld.SetStateAsync(agent, "available");
        var logOutOnCall = await QueueWorld.SetStateAsync(agent, "logged_out");
        var othersState = await QueueWorld.SetStateAsync(agent with { Id = other.Id }, "available");
        var unknownCall = await QueueWorld.AcceptAsync(agent, Guid.NewGuid());
        var badCaller = await world.Pbx.PostAsJsonAsync("/api/queue/calls", new { callerNumber = "not a number", queueId = world.QueueId });
        var unknownQueue = await world.Pbx.PostAsJsonAsync("/api/queue/calls", new { callerNumber = QueueWorld.UniqueNumber(), queueId = Guid.NewGuid() });
        var agentReportsCall = await agent.Client.PostAsJsonAsync("/api/queue/calls", new { callerNumber = QueueWorld.UniqueNumber(), queueId = world.QueueId });

        Assert.Equal(HttpStatusCode.Conflict, acceptWithoutOffer.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, hangUpWaiting.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, breakWhileLoggedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, othersAccept.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forSomeoneElse.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, secondAccept.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, availableOnCall.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, logOutOnCall.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, othersState.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownCall.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badCaller.StatusCode);
        Assert.Contains("callerNumber", await badCaller.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknownQueue.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, agentReportsCall.StatusCode);
        foreach (var refused in new[] { acceptWithoutOffer, secondAccept, availableOnCall, badCaller })
        {
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal("on_call", (await world.AgentAsync(agent.Id)).GetProperty("state").GetString());
        Assert.Equal("logged_out", (await world.AgentAsync(other.Id)).GetProperty("state").GetString());
        Assert.Equal("on_call", await world.CallStatusAsync(callId));
    }
}

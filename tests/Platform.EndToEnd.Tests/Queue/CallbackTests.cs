using System.Net;
using System.Net.Http.Json;
using Platform.ServiceDefaults.Auth;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Queue;

/// <summary>A callback is a promise: no max wait drops it, it can be scheduled for a time, and it can be called off.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CallbackTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task A_callback_outlives_the_queues_max_wait_that_refuses_a_caller_on_the_line()
    {
        var world = await QueueWorld.CreateAsync(platform);
        await world.ConfigureAsync(world.QueueId, new { maxWaitSeconds = 2 });
        var agent = await world.AddAgentAsync("Caller-backer");
        await world.SetMembersAsync(agent);
        var callback = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await world.Pbx.PostAsJsonAsync($"/api/queue/calls/{callback}/callback", new { })).StatusCode);
        var onTheLine = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();

        await Eventually.HoldsAsync(async () => await world.CallStatusAsync(onTheLine) == "rejected", TimeSpan.FromSeconds(20), "the caller on the line refused by max wait");
        Assert.Equal("waiting", await world.CallStatusAsync(callback));
        await QueueWorld.AvailableAsync(agent);
        Assert.Equal(callback, await world.WaitForOfferAsync(agent));
    }

    [Fact]
    public async Task A_callback_scheduled_for_later_is_not_offered_before_its_time_and_can_be_cancelled()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var agent = await world.AddAgentAsync("Caller-backer");
        await world.SetMembersAsync(agent);
        var scheduled = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        var dueAt = DateTimeOffset.UtcNow.AddHours(2);
        var requested = await world.Pbx.PostAsJsonAsync($"/api/queue/calls/{scheduled}/callback", new { dueAt });
        Assert.Equal(HttpStatusCode.OK, requested.StatusCode);
        var later = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();

        await QueueWorld.AvailableAsync(agent);
        Assert.Equal(later, await world.WaitForOfferAsync(agent));   // the scheduled callback, ahead in line, is passed over

        var byAgent = await agent.Client.PostAsJsonAsync($"/api/queue/calls/{scheduled}/callback/cancel", new { reason = "not mine" });
        var cancelled = await world.Pbx.PostAsJsonAsync($"/api/queue/calls/{scheduled}/callback/cancel", new { reason = "The caller rang again" });
        var again = await world.Pbx.PostAsJsonAsync($"/api/queue/calls/{scheduled}/callback/cancel", new { });
        var notACallback = await world.Pbx.PostAsJsonAsync($"/api/queue/calls/{later}/callback/cancel", new { });
        var tooFar = await world.Pbx.PostAsJsonAsync($"/api/queue/calls/{later}/callback", new { dueAt = DateTimeOffset.UtcNow.AddDays(90) });

        Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var view = await cancelled.JsonAsync();
        Assert.Equal(("cancelled", "The caller rang again"), (view.GetProperty("status").GetString(), view.GetProperty("endReason").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, notACallback.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooFar.StatusCode);
        Assert.Equal("offered", await world.CallStatusAsync(later));
    }

    [Fact]
    public async Task An_agent_reads_the_calls_they_hold_or_held_and_no_others()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var agent = await world.AddAgentAsync("Holder");
        var other = await world.AddAgentAsync("Neighbour");
        await world.SetMembersAsync(agent);
        var supervisor = await platform.CreateUserAsync(world.Tenant, [Roles.Supervisor]);
        await QueueWorld.AvailableAsync(agent);
        var callId = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        await world.WaitForOfferAsync(agent);
        var whileRinging = await agent.Client.GetAsync($"/api/queue/calls/{callId}");
        await QueueWorld.AcceptAsync(agent, callId);
        await QueueWorld.HangUpAsync(agent, callId);
        await QueueWorld.WrapUpDoneAsync(agent, callId);

        Assert.Equal(HttpStatusCode.OK, whileRinging.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.Client.GetAsync($"/api/queue/calls/{callId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.GetAsync($"/api/queue/calls/{callId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/queue/calls/{callId}")).StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using Dapper;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Queue;

/// <summary>A transfer names a target that can take the call, or is refused with the reason and the agent keeps the call.</summary>
[Collection(PlatformCollection.Name)]
public sealed class TransferTests(PlatformUnderTest platform)
{
    private static async Task<Guid> AnsweredCallAsync(QueueWorld world, QueueWorld.Agent agent, Guid? queueId = null)
    {
        await QueueWorld.AvailableAsync(agent);
        var callId = (await world.CallAsync(QueueWorld.UniqueNumber(), queueId: queueId)).GetProperty("callId").GetGuid();
        Assert.Equal(callId, await world.WaitForOfferAsync(agent));
        Assert.Equal(HttpStatusCode.OK, (await QueueWorld.AcceptAsync(agent, callId)).StatusCode);
        return callId;
    }

    private async Task<DateTime> EnqueuedAtAsync(Guid callId)
    {
        await using var db = platform.Database("queue");
        return await db.QuerySingleAsync<DateTime>("SELECT enqueued_at FROM calls WHERE id = @callId", new { callId });
    }

    [Fact]
    public async Task A_transfer_to_an_agent_who_cannot_take_the_call_is_refused_with_the_reason_and_the_agent_keeps_it()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var first = await world.AddAgentAsync("First line");
        var outsider = await world.AddAgentAsync("Not in the queue");
        var loggedOut = await world.AddAgentAsync("Gone home");
        await world.SetMembersAsync(first, loggedOut);
        var callId = await AnsweredCallAsync(world, first);

        var notMember = await first.Client.PostAsJsonAsync($"/api/queue/calls/{callId}/transfer", new { agentId = outsider.Id });
        var notHere = await first.Client.PostAsJsonAsync($"/api/queue/calls/{callId}/transfer", new { agentId = loggedOut.Id });
        var unknown = await first.Client.PostAsJsonAsync($"/api/queue/calls/{callId}/transfer", new { agentId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, notMember.StatusCode);
        Assert.Contains("not a member", (await notMember.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, notHere.StatusCode);
        Assert.Contains("logged out", (await notHere.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("on_call", await world.CallStatusAsync(callId));
        Assert.Equal("on_call", (await world.AgentAsync(first.Id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_transfer_into_a_queue_whose_door_is_shut_is_refused()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var full = await world.CreateQueueAsync(new { name = "Full specialists", maxLength = 1 });
        var unstaffed = await world.CreateQueueAsync(new { name = "Night desk", whenNoAgents = "reject" });
        var first = await world.AddAgentAsync("First line");
        await world.SetMembersAsync(first);
        await world.CallAsync(QueueWorld.UniqueNumber(), queueId: full);   // nobody serves it: it fills the line
        var callId = await AnsweredCallAsync(world, first);

        var intoFull = await first.Client.PostAsJsonAsync($"/api/queue/calls/{callId}/transfer", new { queueId = full });
        var intoUnstaffed = await first.Client.PostAsJsonAsync($"/api/queue/calls/{callId}/transfer", new { queueId = unstaffed });

        Assert.Equal(HttpStatusCode.Conflict, intoFull.StatusCode);
        Assert.Contains("full", (await intoFull.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, intoUnstaffed.StatusCode);
        Assert.Contains("no agent of the queue can take calls", (await intoUnstaffed.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal("on_call", await world.CallStatusAsync(callId));
    }

    [Fact]
    public async Task A_call_for_a_named_agent_who_stays_busy_falls_back_to_the_queue_after_the_wait()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var first = await world.AddAgentAsync("First line");
        var expert = await world.AddAgentAsync("Busy expert");
        var colleague = await world.AddAgentAsync("Colleague");
        await world.SetMembersAsync(first, expert, colleague);
        await AnsweredCallAsync(world, expert);                   // the expert is on another call
        var callId = await AnsweredCallAsync(world, first);
        await QueueWorld.SetStateAsync(colleague, "break", "coaching");

        var transferred = await first.Client.PostAsJsonAsync($"/api/queue/calls/{callId}/transfer", new { agentId = expert.Id, agentWaitSeconds = 5 });
        Assert.Equal(HttpStatusCode.OK, transferred.StatusCode);
        Assert.Equal(expert.Id, (await transferred.JsonAsync()).GetProperty("targetAgentId").GetGuid());
        await QueueWorld.AvailableAsync(colleague);

        Assert.Equal(callId, await world.WaitForOfferAsync(colleague, TimeSpan.FromSeconds(30)));
        Assert.Equal("on_call", (await world.AgentAsync(expert.Id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_transferred_call_starts_its_max_wait_again_and_keeps_its_place_by_arrival()
    {
        var world = await QueueWorld.CreateAsync(platform);
        await world.ConfigureAsync(world.QueueId, new { maxWaitSeconds = 6 });
        var first = await world.AddAgentAsync("First line");
        var second = await world.AddAgentAsync("Second line");
        await world.SetMembersAsync(first, second);
        var callId = await AnsweredCallAsync(world, first);
        var entered = await EnqueuedAtAsync(callId);
        await Task.Delay(TimeSpan.FromSeconds(7));                // talk longer than the max wait

        var transferred = await first.Client.PostAsJsonAsync($"/api/queue/calls/{callId}/transfer", new { queueId = world.QueueId });
        Assert.Equal(HttpStatusCode.OK, transferred.StatusCode);
        // The sweep enforces max waits every 2 s: with the first entry's clock the call would be refused by now.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal("waiting", await world.CallStatusAsync(callId));
        await QueueWorld.AvailableAsync(second);

        Assert.Equal(callId, await world.WaitForOfferAsync(second));
        Assert.Equal(entered, await EnqueuedAtAsync(callId));   // its place in its own queue is still its first entry
    }
}

using System.Net;
using System.Net.Http.Json;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Queue;

/// <summary>What an agent may do with an offer (decline it, let it ring out) and what a queue does about it.</summary>
[Collection(PlatformCollection.Name)]
public sealed class OfferTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task A_declined_call_goes_to_another_agent_and_is_not_offered_again_to_the_one_who_declined()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var first = await world.AddAgentAsync("Declines");
        var second = await world.AddAgentAsync("Also declines");
        await world.SetMembersAsync(first, second);
        await QueueWorld.AvailableAsync(first);
        var callId = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        await world.WaitForOfferAsync(first);

        var noReason = await first.Client.PostAsJsonAsync($"/api/queue/calls/{callId}/decline", new { });
        var declined = await first.Client.PostAsJsonAsync($"/api/queue/calls/{callId}/decline", new { reason = "Does not speak German" });
        var twice = await first.Client.PostAsJsonAsync($"/api/queue/calls/{callId}/decline", new { reason = "again" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("available", (await world.AgentAsync(first.Id)).GetProperty("state").GetString());

        await QueueWorld.AvailableAsync(second);
        Assert.Equal(callId, await world.WaitForOfferAsync(second));
        Assert.Equal(HttpStatusCode.OK, (await second.Client.PostAsJsonAsync($"/api/queue/calls/{callId}/decline", new { reason = "Conflict of interest" })).StatusCode);
        // A new call is offered to the first agent while the declined one waits: routing ran and passed it over for them.
        var next = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        await Eventually.HoldsAsync(async () => await world.OfferOfAsync(first) == next || await world.OfferOfAsync(second) == next,
            TimeSpan.FromSeconds(10), "the new call offered");
        Assert.NotEqual(callId, await world.OfferOfAsync(first));
        Assert.NotEqual(callId, await world.OfferOfAsync(second));
        Assert.Equal("waiting", await world.CallStatusAsync(callId));
    }

    [Fact]
    public async Task A_queue_without_auto_pause_puts_the_agent_who_let_it_ring_back_to_available()
    {
        var world = await QueueWorld.CreateAsync(platform);
        await world.ConfigureAsync(world.QueueId, new { offerTimeoutSeconds = 3, pauseOnRingNoAnswer = false });
        var agent = await world.AddAgentAsync("Slow to answer");
        await world.SetMembersAsync(agent);
        await QueueWorld.AvailableAsync(agent);
        var callId = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        await world.WaitForOfferAsync(agent);

        await Eventually.HoldsAsync(async () => await RingNoAnswersAsync(world, callId) >= 1, TimeSpan.FromSeconds(20), "the offer rang out");
        Assert.NotEqual("break", (await world.AgentAsync(agent.Id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_ring_all_offer_nobody_answered_pauses_none_of_the_agents_it_rang()
    {
        var world = await QueueWorld.CreateAsync(platform);
        await world.ConfigureAsync(world.QueueId, new { strategy = "ring_all", offerTimeoutSeconds = 3 });
        var agents = new[] { await world.AddAgentAsync("Ring 1"), await world.AddAgentAsync("Ring 2") };
        await world.SetMembersAsync(agents);
        foreach (var agent in agents)
        {
            await QueueWorld.AvailableAsync(agent);
        }
        var callId = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();

        await Eventually.HoldsAsync(async () => await RingNoAnswersAsync(world, callId) >= 1, TimeSpan.FromSeconds(20), "the ring-all offer rang out");
        foreach (var agent in agents)
        {
            Assert.NotEqual("break", (await world.AgentAsync(agent.Id)).GetProperty("state").GetString());
        }
    }

    [Fact]
    public async Task A_hold_longer_than_the_talk_is_refused_and_changes_nothing()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var agent = await world.AddAgentAsync("Holder");
        await world.SetMembersAsync(agent);
        await QueueWorld.AvailableAsync(agent);
        var callId = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        await world.WaitForOfferAsync(agent);
        await QueueWorld.AcceptAsync(agent, callId);

        var hangUp = await QueueWorld.HangUpAsync(agent, callId, holdSeconds: 600);

        Assert.Equal(HttpStatusCode.BadRequest, hangUp.StatusCode);
        Assert.Contains("holdSeconds", await hangUp.Content.ReadAsStringAsync());
        Assert.Equal("on_call", await world.CallStatusAsync(callId));
    }

    private static async Task<int> RingNoAnswersAsync(QueueWorld world, Guid callId)
    {
        await using var db = world.Platform.Database("queue");
        return await Dapper.SqlMapper.QuerySingleAsync<int>(db, "SELECT ring_no_answers FROM calls WHERE id = @callId", new { callId });
    }
}

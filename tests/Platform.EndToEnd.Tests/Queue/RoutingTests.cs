using System.Net;
using System.Net.Http.Json;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Queue;

/// <summary>Who gets which call, end to end: the order of the line, the strategies that need the database's memory, skills, limits.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RoutingTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task Calls_are_offered_vip_first_then_by_priority_then_first_come_first_served()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var agent = await world.AddAgentAsync("Solo");
        await world.SetMembersAsync(agent);
        var early = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        var later = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        var urgent = (await world.CallAsync(QueueWorld.UniqueNumber(), priority: 5)).GetProperty("callId").GetGuid();
        var vip = (await world.CallAsync(QueueWorld.UniqueNumber(), vip: true)).GetProperty("callId").GetGuid();

        var offered = new List<Guid>();
        await QueueWorld.AvailableAsync(agent);
        for (var i = 0; i < 4; i++)
        {
            var callId = await world.WaitForOfferAsync(agent);
            offered.Add(callId);
            Assert.Equal(HttpStatusCode.OK, (await QueueWorld.AcceptAsync(agent, callId)).StatusCode);
            await QueueWorld.HangUpAsync(agent, callId);
            await QueueWorld.WrapUpDoneAsync(agent, callId);
        }

        Assert.Equal([vip, urgent, early, later], offered);
    }

    [Fact]
    public async Task Ring_all_offers_to_several_agents_and_the_first_to_accept_wins()
    {
        var world = await QueueWorld.CreateAsync(platform);
        await world.ConfigureAsync(world.QueueId, new { name = "Sales ring", strategy = "ring_all", ringAllWidth = 3 });
        var agents = new[] { await world.AddAgentAsync("A"), await world.AddAgentAsync("B"), await world.AddAgentAsync("C") };
        await world.SetMembersAsync(agents);
        foreach (var agent in agents)
        {
            await QueueWorld.AvailableAsync(agent);
        }

        var callId = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        foreach (var agent in agents)
        {
            Assert.Equal(callId, await world.WaitForOfferAsync(agent));
        }
        var winner = await QueueWorld.AcceptAsync(agents[1], callId);
        var late = await QueueWorld.AcceptAsync(agents[2], callId);

        Assert.Equal(HttpStatusCode.OK, winner.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("on_call", (await world.AgentAsync(agents[1].Id)).GetProperty("state").GetString());
        Assert.Equal("available", (await world.AgentAsync(agents[0].Id)).GetProperty("state").GetString());
        Assert.Equal("available", (await world.AgentAsync(agents[2].Id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task An_unanswered_offer_returns_the_call_to_its_place_and_takes_the_agent_out_of_routing()
    {
        var world = await QueueWorld.CreateAsync(platform);
        await world.ConfigureAsync(world.QueueId, new { name = "Hotline", offerTimeoutSeconds = 3 });
        var sleepy = await world.AddAgentAsync("Sleepy");
        var awake = await world.AddAgentAsync("Awake");
        await world.SetMembersAsync(world.QueueId, (sleepy, 1), (awake, 2));   // the sleepy one is tried first
        await QueueWorld.AvailableAsync(sleepy);
        var first = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        var second = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        Assert.Equal(first, await world.WaitForOfferAsync(sleepy));

        await Eventually.HoldsAsync(async () => (await world.AgentAsync(sleepy.Id)).GetProperty("pauseCode").GetString() == "ring-no-answer",
            TimeSpan.FromSeconds(10), "ring-no-answer");
        var live = await (await world.Admin.GetAsync($"/api/queue/queues/{world.QueueId}")).JsonAsync();
        Assert.Equal([first, second], live.GetProperty("waiting").EnumerateArray().Select(w => w.GetProperty("callId").GetGuid()));

        await QueueWorld.AvailableAsync(awake);
        Assert.Equal(first, await world.WaitForOfferAsync(awake));
    }

    [Fact]
    public async Task A_call_needing_a_skill_waits_for_a_qualified_agent_until_the_requirement_relaxes()
    {
        var world = await QueueWorld.CreateAsync(platform);
        await world.ConfigureAsync(world.QueueId, new
        {
            name = "German line",
            requiredSkills = new[] { new { skill = "german", minimumProficiency = 8 } },
            relaxation = new[] { new { afterSeconds = 3, lowerMinimumBy = 0, dropSkills = true } },
        });
        var novice = await world.AddAgentAsync("Novice", skills: [new { skill = "german", proficiency = 3 }]);
        await world.SetMembersAsync(novice);
        await QueueWorld.AvailableAsync(novice);

        var callId = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        Assert.Null(await world.OfferOfAsync(novice));   // not good enough yet
        Assert.Equal(callId, await world.WaitForOfferAsync(novice, TimeSpan.FromSeconds(15)));   // after 3 s anyone will do
    }

    [Fact]
    public async Task A_full_queue_sends_calls_to_its_overflow_queue_and_one_without_overflow_refuses_them()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var overflow = await world.CreateQueueAsync(new { name = "Overflow" });
        await world.ConfigureAsync(world.QueueId, new { name = "Front", maxLength = 1, overflowQueueId = overflow });
        await world.ConfigureAsync(overflow, new { name = "Overflow", maxLength = 1 });

        var first = await world.CallAsync(QueueWorld.UniqueNumber());
        var second = await world.CallAsync(QueueWorld.UniqueNumber());
        var third = await world.CallAsync(QueueWorld.UniqueNumber());

        Assert.Equal(world.QueueId, first.GetProperty("queueId").GetGuid());
        Assert.Equal(overflow, second.GetProperty("queueId").GetGuid());
        Assert.Equal("waiting", second.GetProperty("status").GetString());
        Assert.Equal("rejected", third.GetProperty("status").GetString());
        Assert.Contains("full", third.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Round_robin_continues_after_the_last_agent_even_while_that_agent_is_still_on_the_call()
    {
        var world = await QueueWorld.CreateAsync(platform);
        await world.ConfigureAsync(world.QueueId, new { name = "Turns", strategy = "round_robin" });
        var agents = new[] { await world.AddAgentAsync("T1"), await world.AddAgentAsync("T2"), await world.AddAgentAsync("T3") };
        await world.SetMembersAsync(agents);
        foreach (var agent in agents)
        {
            await QueueWorld.AvailableAsync(agent);
        }

        var first = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        var firstAgent = await OfferedAgentAsync(world, agents, first);
        await QueueWorld.AcceptAsync(firstAgent, first);   // T1 stays on the call
        var second = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        var secondAgent = await OfferedAgentAsync(world, agents, second);
        await QueueWorld.AcceptAsync(secondAgent, second);
        await QueueWorld.HangUpAsync(firstAgent, first);
        await QueueWorld.WrapUpDoneAsync(firstAgent, first);   // T1 free again, but it is T3's turn
        var third = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();

        Assert.Equal(agents[0].Id, firstAgent.Id);
        Assert.Equal(agents[1].Id, secondAgent.Id);
        Assert.Equal(agents[2].Id, (await OfferedAgentAsync(world, agents, third)).Id);
    }

    [Fact]
    public async Task Round_robin_takes_turns_in_member_order()
    {
        var world = await QueueWorld.CreateAsync(platform);
        await world.ConfigureAsync(world.QueueId, new { name = "Turns", strategy = "round_robin" });
        var agents = new[] { await world.AddAgentAsync("R1"), await world.AddAgentAsync("R2"), await world.AddAgentAsync("R3") };
        await world.SetMembersAsync(agents);
        foreach (var agent in agents)
        {
            await QueueWorld.AvailableAsync(agent);
        }

        var served = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var callId = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
            var agent = await OfferedAgentAsync(world, agents, callId);
            served.Add(agent.Id);
            await QueueWorld.AcceptAsync(agent, callId);
            await QueueWorld.HangUpAsync(agent, callId);
            await QueueWorld.WrapUpDoneAsync(agent, callId);
        }

        Assert.Equal([agents[0].Id, agents[1].Id, agents[2].Id, agents[0].Id], served);
    }

    private static async Task<QueueWorld.Agent> OfferedAgentAsync(QueueWorld world, QueueWorld.Agent[] agents, Guid callId)
    {
        QueueWorld.Agent? found = null;
        await Eventually.HoldsAsync(async () =>
        {
            foreach (var agent in agents)
            {
                if (await world.OfferOfAsync(agent) == callId)
                {
                    found = agent;
                    return true;
                }
            }
            return false;
        }, TimeSpan.FromSeconds(10), $"an offer of call {callId}");
        return found!;
    }
}

using System.Net;
using System.Net.Http.Json;
using Dapper;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Queue;

/// <summary>
/// The no-agent rule applied at the moment the last agent able to take calls leaves: the waiting calls are refused or
/// overflowed in the transaction of that agent's change (their end carries the change's own timestamp), not by the
/// routing sweep a moment later.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class NoAgentRuleTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task The_last_agent_going_on_break_refuses_the_waiting_calls_in_the_same_transaction()
    {
        var world = await QueueWorld.CreateAsync(platform);
        await world.ConfigureAsync(world.QueueId, new { whenNoAgents = "reject" });
        var agent = await world.AddAgentAsync("Last one in");
        await world.SetMembersAsync(agent);
        await QueueWorld.AvailableAsync(agent);
        await world.ConfigureAsync(world.QueueId, new { requiredSkills = new[] { new { skill = "finnish", minimumProficiency = 5 } } });
        var callback = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        (await world.Pbx.PostAsJsonAsync($"/api/queue/calls/{callback}/callback", new { })).EnsureSuccessStatusCode();
        var waiting = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();   // nobody has the skill: it waits
        Assert.Equal("waiting", await world.CallStatusAsync(waiting));

        var onBreak = await QueueWorld.SetStateAsync(agent, "break", "lunch");

        Assert.Equal(HttpStatusCode.OK, onBreak.StatusCode);
        var call = await world.CallViewAsync(waiting);
        Assert.Equal("rejected", call.GetProperty("status").GetString());
        Assert.Contains("no agent of the queue can take calls", call.GetProperty("endReason").GetString());
        Assert.Equal(await BreakTakenAtAsync(agent.Id), await EndedAtAsync(waiting));
        Assert.Equal("waiting", await world.CallStatusAsync(callback));   // a callback is never dropped by the rule
    }

    [Fact]
    public async Task The_last_agent_logging_out_overflows_the_waiting_calls_at_once_to_a_queue_whose_agent_takes_them()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var backOffice = await world.CreateQueueAsync(new { name = "Back office" });
        var helper = await world.AddAgentAsync("Back office agent");
        await world.SetMembersAsync(backOffice, (helper, 1));
        await world.ConfigureAsync(world.QueueId, new { whenNoAgents = "overflow", overflowQueueId = backOffice,
            requiredSkills = new[] { new { skill = "finnish", minimumProficiency = 5 } } });
        var agent = await world.AddAgentAsync("Last one in");
        await world.SetMembersAsync(agent);
        await QueueWorld.AvailableAsync(agent);
        var waiting = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        Assert.Equal("waiting", await world.CallStatusAsync(waiting));
        await QueueWorld.AvailableAsync(helper);

        Assert.Equal(HttpStatusCode.OK, (await QueueWorld.SetStateAsync(agent, "logged_out")).StatusCode);

        var call = await world.CallViewAsync(waiting);
        Assert.Equal(backOffice, call.GetProperty("queueId").GetGuid());
        Assert.Equal(waiting, await world.WaitForOfferAsync(helper));
        await using var db = platform.Database("queue");
        var overflowedAt = await db.QuerySingleAsync<DateTime>(
            "SELECT wait_started_at FROM calls WHERE id = @waiting", new { waiting });
        Assert.Equal(await StateChangeAtAsync(agent.Id, "logged_out"), overflowedAt);
    }

    [Fact]
    public async Task Taking_the_last_agent_out_of_the_queue_refuses_the_waiting_calls_at_once()
    {
        var world = await QueueWorld.CreateAsync(platform);
        await world.ConfigureAsync(world.QueueId, new { whenNoAgents = "reject", requiredSkills = new[] { new { skill = "finnish", minimumProficiency = 5 } } });
        var agent = await world.AddAgentAsync("Moved elsewhere");
        await world.SetMembersAsync(agent);
        await QueueWorld.AvailableAsync(agent);
        var waiting = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();

        await world.SetMembersAsync(world.QueueId);

        Assert.Equal("rejected", await world.CallStatusAsync(waiting));
    }

    [Fact]
    public async Task A_ring_no_answer_pause_of_the_last_agent_applies_the_rule_to_the_call_that_rang_out()
    {
        var world = await QueueWorld.CreateAsync(platform);
        await world.ConfigureAsync(world.QueueId, new { whenNoAgents = "reject" });
        var agent = await world.AddAgentAsync("Away from the desk");
        await world.SetMembersAsync(agent);
        await QueueWorld.AvailableAsync(agent);
        var callId = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        await world.WaitForOfferAsync(agent);

        var noAnswer = await world.Pbx.PostAsJsonAsync($"/api/queue/calls/{callId}/ring-result", new { agentId = agent.Id, result = "no_answer" });

        Assert.Equal(HttpStatusCode.OK, noAnswer.StatusCode);
        Assert.Equal("ring-no-answer", (await world.AgentAsync(agent.Id)).GetProperty("pauseCode").GetString());
        Assert.Equal("rejected", await world.CallStatusAsync(callId));
        Assert.Equal(await StateChangeAtAsync(agent.Id, "break"), await EndedAtAsync(callId));
    }

    private Task<DateTime> BreakTakenAtAsync(Guid agentId) => StateChangeAtAsync(agentId, "break");

    private async Task<DateTime> StateChangeAtAsync(Guid agentId, string to)
    {
        await using var db = platform.Database("queue");
        return await db.QuerySingleAsync<DateTime>(
            "SELECT max(at) FROM agent_state_history WHERE agent_id = @agentId AND to_state = @to", new { agentId, to });
    }

    private async Task<DateTime> EndedAtAsync(Guid callId)
    {
        await using var db = platform.Database("queue");
        return await db.QuerySingleAsync<DateTime>("SELECT ended_at FROM calls WHERE id = @callId", new { callId });
    }
}

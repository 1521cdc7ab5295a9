using System.Net;
using System.Net.Http.Json;
using Dapper;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Queue;

/// <summary>Max-wait overflow, the no-agent rule, the position routing will use, and a queue's settings changed field by field.</summary>
[Collection(PlatformCollection.Name)]
public sealed class QueueLimitTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task Two_queues_overflowing_into_each_other_stop_at_the_hop_limit_and_keep_the_calls_arrival()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var other = await world.CreateQueueAsync(new { name = "Back office" });
        await world.ConfigureAsync(world.QueueId, new { maxWaitSeconds = 1, overflowQueueId = other });
        await world.ConfigureAsync(other, new { maxWaitSeconds = 1, overflowQueueId = world.QueueId });
        var callId = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        await using var db = platform.Database("queue");
        var entered = await db.QuerySingleAsync<DateTime>("SELECT enqueued_at FROM calls WHERE id = @callId", new { callId });

        await Eventually.HoldsAsync(async () => await world.CallStatusAsync(callId) == "rejected", TimeSpan.FromSeconds(40), "the bouncing call refused");
        var call = await db.QuerySingleAsync<(int Hops, string Reason, DateTime Enqueued)>(
            "SELECT overflow_hops, end_reason, enqueued_at FROM calls WHERE id = @callId", new { callId });
        Assert.Equal(3, call.Hops);
        Assert.Contains("overflowed 3 times already", call.Reason);
        Assert.Equal(entered, call.Enqueued);                   // its place by its first entry, through every hop
    }

    [Fact]
    public async Task A_late_call_is_refused_when_the_overflow_queue_is_full()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var overflow = await world.CreateQueueAsync(new { name = "Overflow", maxLength = 1 });
        await world.CallAsync(QueueWorld.UniqueNumber(), queueId: overflow);
        await world.ConfigureAsync(world.QueueId, new { maxWaitSeconds = 1, overflowQueueId = overflow });
        var callId = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();

        await Eventually.HoldsAsync(async () => await world.CallStatusAsync(callId) == "rejected", TimeSpan.FromSeconds(20), "the late call refused");
        var reason = (await world.CallViewAsync(callId)).GetProperty("endReason").GetString();
        Assert.Contains("waited longer than 1 seconds", reason);
        Assert.Contains("full", reason);
    }

    [Fact]
    public async Task The_no_agent_rule_counts_agents_who_can_take_calls_and_settles_the_calls_waiting_when_the_last_one_leaves()
    {
        var world = await QueueWorld.CreateAsync(platform);
        await world.ConfigureAsync(world.QueueId, new { whenNoAgents = "reject", wrapUpSeconds = 600 });
        var agent = await world.AddAgentAsync("Last one in");
        await world.SetMembersAsync(agent);
        await QueueWorld.SetStateAsync(agent, "break", "lunch");
        var whileOnBreak = await world.CallAsync(QueueWorld.UniqueNumber());
        Assert.Equal("rejected", whileOnBreak.GetProperty("status").GetString());

        await QueueWorld.AvailableAsync(agent);
        var handled = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        await world.WaitForOfferAsync(agent);
        await QueueWorld.AcceptAsync(agent, handled);
        var waiting = await world.CallAsync(QueueWorld.UniqueNumber());   // the agent is on a call: staffed, so it waits
        Assert.Equal("waiting", waiting.GetProperty("status").GetString());
        await QueueWorld.HangUpAsync(agent, handled);
        Assert.Equal(HttpStatusCode.OK, (await QueueWorld.SetStateAsync(agent, "break", "lunch")).StatusCode);   // from wrap-up: nobody left

        var waitingId = waiting.GetProperty("callId").GetGuid();
        await Eventually.HoldsAsync(async () => await world.CallStatusAsync(waitingId) == "rejected", TimeSpan.FromSeconds(20), "the waiting call settled");
        Assert.Contains("no agent of the queue can take calls", (await world.CallViewAsync(waitingId)).GetProperty("endReason").GetString());
    }

    [Fact]
    public async Task The_position_given_to_the_pbx_is_the_one_routing_uses_with_priority_aging()
    {
        var world = await QueueWorld.CreateAsync(platform);
        await world.ConfigureAsync(world.QueueId, new { aging = new { everySeconds = 1, maxBoost = 10 } });
        var older = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        await Task.Delay(TimeSpan.FromSeconds(4));                // the older call has aged 4 points

        var higher = await world.CallAsync(QueueWorld.UniqueNumber(), priority: 2);

        Assert.Equal(2, higher.GetProperty("position").GetInt32());
        Assert.Equal(1, (await world.CallViewAsync(older)).GetProperty("position").GetInt32());
    }

    [Fact]
    public async Task Changing_a_queue_keeps_the_fields_not_named_and_refuses_unknown_ones()
    {
        var world = await QueueWorld.CreateAsync(platform);
        await world.ConfigureAsync(world.QueueId, new { maxWaitSeconds = 120, wrapUpSeconds = 10, strategy = "round_robin" });

        var renamed = await world.Admin.PutAsJsonAsync($"/api/queue/queues/{world.QueueId}", new { name = "Renamed" });
        var typo = await world.Admin.PutAsJsonAsync($"/api/queue/queues/{world.QueueId}", new { maxWait = 5, name = "Typo" });
        var cleared = await world.Admin.PutAsJsonAsync($"/api/queue/queues/{world.QueueId}", new { maxWaitSeconds = (int?)null });

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var afterRename = await renamed.JsonAsync();
        Assert.Equal(("Renamed", 120, 10, "round_robin"), (afterRename.GetProperty("name").GetString(), afterRename.GetProperty("maxWaitSeconds").GetInt32(),
            afterRename.GetProperty("wrapUpSeconds").GetInt32(), afterRename.GetProperty("strategy").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, typo.StatusCode);
        Assert.Contains("maxWait", await typo.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        var afterClear = await cleared.JsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, afterClear.GetProperty("maxWaitSeconds").ValueKind);
        Assert.Equal("Renamed", afterClear.GetProperty("name").GetString());
    }
}

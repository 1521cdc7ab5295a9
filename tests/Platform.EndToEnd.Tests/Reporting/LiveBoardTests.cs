using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.EndToEnd.Tests.Queue;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Reporting;

/// <summary>
/// The wallboard and the live agent list through the gateway: a queue known from its creation, agents narrowed to a queue
/// or a project by the queues' members, callbacks shown waiting, each agent's state, reason and current call with its wait.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class LiveBoardTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task A_new_queue_is_watched_reported_and_staffed_before_its_first_call()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var campaign = await world.CreateQueueAsync(new { name = "Spring campaign", serviceLevelSeconds = 15, wrapUpSeconds = 10 });
        await Eventually.HoldsAsync(async () => (await world.Admin.GetAsync($"/api/reporting/queues/{campaign}/intervals")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(10), "reporting knows the queue from its creation");

        var board = await BoardAsync(world, $"queueId={campaign}");
        var queue = Assert.Single(board.GetProperty("queues").EnumerateArray());
        Assert.Equal("Spring campaign", queue.GetProperty("name").GetString());
        Assert.Equal(0, queue.GetProperty("offered").GetInt64());
        Assert.Equal(0, queue.GetProperty("callsWaiting").GetInt64());
        var intervals = await (await world.Admin.GetAsync($"/api/reporting/queues/{campaign}/intervals")).JsonAsync();
        Assert.Equal(0, intervals.GetProperty("total").GetProperty("offered").GetInt64());
        var staffing = await (await world.Admin.GetAsync($"/api/reporting/staffing?queueId={campaign}&callsPerInterval=100&intervalMinutes=30&ahtSeconds=180"))
            .JsonAsync();
        Assert.Equal(15, staffing.GetProperty("serviceLevelSeconds").GetInt32()); // the queue's own T, before any call
        // The project's default queue is known too, from the project's creation.
        Assert.Equal(HttpStatusCode.OK, (await world.Admin.GetAsync($"/api/reporting/queues/{world.QueueId}/intervals")).StatusCode);
    }

    [Fact]
    public async Task Agents_by_state_and_the_agent_list_follow_the_queue_or_project_asked_for()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var otherProject = await (await world.Admin.CreateProjectAsync("Other client")).CreatedIdAsync();
        var otherQueue = await world.CreateQueueAsync(new { name = "Second line" });
        var first = await world.AddAgentAsync("Anna First");
        var second = await world.AddAgentAsync("Bob Second");
        var third = await world.AddAgentAsync("Cyril Other", projectIds: [otherProject]);
        await world.SetMembersAsync(world.QueueId, (first, 1));
        await world.SetMembersAsync(otherQueue, (second, 1));
        var otherDefault = await DefaultQueueAsync(world, otherProject);
        await world.SetMembersAsync(otherDefault, (third, 1));
        await QueueWorld.AvailableAsync(first);
        Assert.True((await QueueWorld.SetStateAsync(second, "break", "lunch")).IsSuccessStatusCode);
        Assert.True((await QueueWorld.SetStateAsync(third, "break", "training")).IsSuccessStatusCode);

        await Eventually.HoldsAsync(async () => ByState(await BoardAsync(world, $"queueId={world.QueueId}")) == "available=1"
            && ByState(await BoardAsync(world, $"queueId={otherQueue}")) == "break=1"
            && ByState(await BoardAsync(world, $"projectId={world.ProjectId}")) == "available=1,break=1"
            && ByState(await BoardAsync(world, $"projectId={otherProject}")) == "break=1"
            && ByState(await BoardAsync(world, "")) == "available=1,break=2", TimeSpan.FromSeconds(10), "agents narrowed by queue and project");

        var list = await AgentsAsync(world, $"projectId={world.ProjectId}");
        Assert.Equal(["Anna First", "Bob Second"], list.EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        var bob = list[1];
        Assert.Equal("break", bob.GetProperty("state").GetString());
        Assert.Equal("lunch", bob.GetProperty("pauseCode").GetString());
        Assert.True(bob.GetProperty("secondsInState").GetDouble() >= 0);
        Assert.Equal(JsonValueKind.Null, bob.GetProperty("callId").ValueKind);

        // Anna takes a call: the list shows it, its queue and the caller's wait (the queue's own enqueue-to-answer time).
        var call = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        Assert.Equal(call, await world.WaitForOfferAsync(first));
        Assert.True((await QueueWorld.AcceptAsync(first, call)).IsSuccessStatusCode);
        var waited = Math.Round(await WaitSecondsAsync(call), 1);
        JsonElement anna = default;
        // Until the answer is counted the wait still runs; once it is, it stops at the queue's own wait (arrival to answer).
        await Eventually.HoldsAsync(async () =>
            (anna = (await AgentsAsync(world, $"queueId={world.QueueId}"))[0]).GetProperty("state").GetString() == "on_call"
            && anna.GetProperty("callWaitSeconds").ValueKind == JsonValueKind.Number // null until reporting has the call's row
            && Math.Abs(anna.GetProperty("callWaitSeconds").GetDouble() - waited) < 0.11, TimeSpan.FromSeconds(10), "Anna on the call, its wait");
        Assert.Equal(call, anna.GetProperty("callId").GetGuid());
        Assert.Equal(world.QueueId, anna.GetProperty("callQueueId").GetGuid());
        Assert.Equal(HttpStatusCode.Forbidden, (await first.Client.GetAsync("/api/reporting/live/agents")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Admin.GetAsync($"/api/reporting/live/agents?queueId={Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_caller_who_asked_for_a_callback_is_shown_as_a_waiting_callback_until_answered()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var agent = await world.AddAgentAsync("Callback taker");
        await world.SetMembersAsync(agent);
        var first = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        await world.CallAsync(QueueWorld.UniqueNumber());
        Assert.True((await world.Pbx.PostAsJsonAsync($"/api/queue/calls/{first}/callback", new { number = "+420 601 000 111" })).IsSuccessStatusCode);
        await Eventually.HoldsAsync(async () => Queue(await BoardAsync(world, $"queueId={world.QueueId}")) is { } q
            && q.GetProperty("callbacksWaiting").GetInt64() == 1 && q.GetProperty("callsWaiting").GetInt64() == 1,
            TimeSpan.FromSeconds(10), "one callback and one caller waiting");

        await QueueWorld.AvailableAsync(agent);
        Assert.Equal(first, await world.WaitForOfferAsync(agent));
        Assert.True((await QueueWorld.AcceptAsync(agent, first)).IsSuccessStatusCode);
        await Eventually.HoldsAsync(async () => Queue(await BoardAsync(world, $"queueId={world.QueueId}")) is { } q
            && q.GetProperty("callbacksWaiting").GetInt64() == 0 && q.GetProperty("callsWaiting").GetInt64() == 1,
            TimeSpan.FromSeconds(10), "the callback answered, the other caller still waiting");
    }

    private static JsonElement? Queue(JsonElement board) =>
        board.GetProperty("queues").EnumerateArray().Select(q => (JsonElement?)q).FirstOrDefault();

    /// <summary>The wallboard's first picture, once reporting knows what is asked for (a new project's queue reaches it by event: 404 until then).</summary>
    private static async Task<JsonElement> BoardAsync(QueueWorld world, string query)
    {
        await Eventually.HoldsAsync(async () => (await world.Admin.GetAsync($"/api/reporting/live?{query}&format=csv")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(10), $"reporting knows the wallboard's {query}");
        await using var stream = await SseReader.OpenAsync(world.Admin, $"/api/reporting/live?{query}");
        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        return (await stream.NextAsync(e => e.Name == "wallboard", TimeSpan.FromSeconds(10))).Data;
    }

    private static async Task<JsonElement> AgentsAsync(QueueWorld world, string query)
    {
        var response = await world.Admin.GetAsync($"/api/reporting/live/agents?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private static string ByState(JsonElement board) =>
        board.GetProperty("agentsByState") is { ValueKind: JsonValueKind.Object } states
            ? string.Join(',', states.EnumerateObject().Where(s => s.Value.GetInt64() > 0).Select(s => $"{s.Name}={s.Value.GetInt64()}"))
            : "";

    private static async Task<Guid> DefaultQueueAsync(QueueWorld world, Guid projectId)
    {
        var id = Guid.Empty;
        await Eventually.HoldsAsync(async () =>
        {
            var response = await world.Admin.GetAsync($"/api/queue/projects/{projectId}/queues");
            var list = response.IsSuccessStatusCode ? await response.JsonAsync() : default;
            id = list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0 ? list[0].GetProperty("id").GetGuid() : Guid.Empty;
            return id != Guid.Empty;
        }, TimeSpan.FromSeconds(20), "the other project's default queue");
        return id;
    }

    private async Task<double> WaitSecondsAsync(Guid callId)
    {
        await using var db = platform.Database("queue");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT wait_seconds::float8 FROM calls WHERE id = $1";
        command.Parameters.AddWithValue(callId);
        return (double)(await command.ExecuteScalarAsync())!;
    }
}

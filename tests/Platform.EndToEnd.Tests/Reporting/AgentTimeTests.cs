using System.Text.Json;
using Platform.EndToEnd.Tests.Queue;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Reporting;

/// <summary>
/// Agent time against a hand count from the queue's own state history, with the two moves that write two changes in one
/// instant: logging in straight to available (logged out -> break -> available) and a hang-up in a queue with no wrap-up
/// (on call -> wrap-up -> available).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AgentTimeTests(PlatformUnderTest platform)
{
    private static readonly TimeZoneInfo Prague = TimeZoneInfo.FindSystemTimeZoneById("Europe/Prague");

    [Fact]
    public async Task Changes_in_one_instant_keep_their_order_on_the_wallboard_and_in_the_agents_day()
    {
        var world = await QueueWorld.CreateAsync(platform);
        await world.ConfigureAsync(world.QueueId, new { name = "No wrap-up", wrapUpSeconds = 0 });
        var agent = await world.AddAgentAsync("Eva Straight");
        await world.SetMembersAsync(agent);
        await QueueWorld.AvailableAsync(agent);
        await using (var board = await SseReader.OpenAsync(world.Admin, $"/api/reporting/live?projectId={world.ProjectId}"))
        {
            await board.NextAsync(e => e.Name == "wallboard" && ByState(e) == "available=1", TimeSpan.FromSeconds(10));
        }

        var call = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        Assert.Equal(call, await world.WaitForOfferAsync(agent));
        Assert.True((await QueueWorld.AcceptAsync(agent, call)).IsSuccessStatusCode);
        Assert.True((await QueueWorld.HangUpAsync(agent, call)).IsSuccessStatusCode);
        await using (var board = await SseReader.OpenAsync(world.Admin, $"/api/reporting/live?projectId={world.ProjectId}"))
        {
            await board.NextAsync(e => e.Name == "wallboard" && ByState(e) == "available=1"
                && e.Data.GetProperty("queues").EnumerateArray().Sum(q => q.GetProperty("handled").GetInt64()) == 1, TimeSpan.FromSeconds(10));
        }
        Assert.True((await QueueWorld.SetStateAsync(agent, "logged_out")).IsSuccessStatusCode);

        // The hand count: the queue's history, in its own order.
        var history = await HistoryAsync(agent.Id);
        Assert.Equal(["break", "available", "offered", "on_call", "wrap_up", "available", "logged_out"], history.Select(h => h.To));
        Assert.Equal(history[0].At, history[1].At); // the log-in's two changes share an instant
        Assert.Equal(history[4].At, history[5].At); // and so do the hang-up's
        var staffed = (history[^1].At - history[1].At).TotalSeconds;
        var busy = (history[5].At - history[3].At).TotalSeconds;

        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(history[0].At, Prague).DateTime).ToString("yyyy-MM-dd");
        JsonElement day = default;
        await Eventually.HoldsAsync(async () =>
        {
            var response = await world.Admin.GetAsync($"/api/reporting/agents/{agent.Id}/days/{date}");
            day = response.IsSuccessStatusCode ? await response.JsonAsync() : default;
            return day.ValueKind == JsonValueKind.Object && day.GetProperty("callsHandled").GetInt64() == 1
                && Math.Abs(day.GetProperty("loggedInSeconds").GetDouble() - staffed) < 1e-3;
        }, TimeSpan.FromSeconds(10), "the agent's day with the log-out");
        Assert.Equal(staffed, day.GetProperty("staffedSeconds").GetDouble(), 3);
        Assert.Equal(busy, day.GetProperty("busySeconds").GetDouble(), 3);
        Assert.Empty(day.GetProperty("pauseSeconds").EnumerateObject());
        Assert.Equal(busy / staffed, day.GetProperty("occupancy").GetDouble(), 6);
    }

    private static string ByState(SseReader.Event e) =>
        e.Data.GetProperty("agentsByState") is { ValueKind: JsonValueKind.Object } states
            ? string.Join(',', states.EnumerateObject().Where(s => s.Value.GetInt64() > 0).Select(s => $"{s.Name}={s.Value.GetInt64()}"))
            : "";

    private async Task<List<(string To, DateTimeOffset At)>> HistoryAsync(Guid agentId)
    {
        await using var db = platform.Database("queue");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT to_state, at FROM agent_state_history WHERE agent_id = $1 ORDER BY id";
        command.Parameters.AddWithValue(agentId);
        var rows = new List<(string, DateTimeOffset)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), new DateTimeOffset(reader.GetDateTime(1).ToUniversalTime(), TimeSpan.Zero)));
        }
        return rows;
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Queue;

/// <summary>
/// A queue that announces tells each waiting caller their place and the estimated wait every so many seconds, over its
/// music on hold (announce commands on the PBX stream). The seconds passing are an arrival moved back in the database.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AnnouncementTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task A_waiting_caller_hears_the_place_routing_uses_and_the_wait_every_interval_and_a_silent_queue_announces_nothing()
    {
        var world = await QueueWorld.CreateAsync(platform);
        // One agent staffs the queue (for an estimate) but lacks its skill, so the calls wait.
        await world.ConfigureAsync(world.QueueId, new { announceEverySeconds = 30, musicOnHold = "jazz",
            requiredSkills = new[] { new { skill = "finnish", minimumProficiency = 5 } } });
        var agent = await world.AddAgentAsync("Speaks no Finnish");
        await world.SetMembersAsync(agent);
        await QueueWorld.AvailableAsync(agent);
        var silent = await world.CreateQueueAsync(new { name = "Silent" });
        var first = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        var vip = (await world.CallAsync(QueueWorld.UniqueNumber(), vip: true)).GetProperty("callId").GetGuid();
        var quiet = (await world.CallAsync(QueueWorld.UniqueNumber(), queueId: silent)).GetProperty("callId").GetGuid();
        await PassAsync(31, first, quiet);

        var announce = await AnnouncementAsync(world, first, 1);

        var body = announce.GetProperty("body");
        Assert.Equal(2, body.GetProperty("position").GetInt32());   // behind the VIP caller who came later, as routing orders them
        Assert.Equal((await world.CallViewAsync(first)).GetProperty("position").GetInt32(), body.GetProperty("position").GetInt32());
        Assert.Equal(JsonValueKind.Number, body.GetProperty("estimatedWaitSeconds").ValueKind);
        Assert.Equal("jazz", body.GetProperty("musicOnHold").GetString());
        Assert.Empty(await AnnouncementsAsync(world, vip));          // arrived a moment ago: not yet
        Assert.Empty(await AnnouncementsAsync(world, quiet));

        await world.ConfigureAsync(world.QueueId, new { announcePosition = false });
        await PassAsync(31, first);
        var second = await AnnouncementAsync(world, first, 2);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("body").GetProperty("position").ValueKind);
        Assert.Empty(await AnnouncementsAsync(world, quiet));
    }

    /// <summary>Moves the calls' arrival and last announcement <paramref name="seconds"/> into the past.</summary>
    private async Task PassAsync(int seconds, params Guid[] calls)
    {
        await using var db = platform.Database("queue");
        await db.ExecuteAsync("""
            UPDATE calls SET arrived_at = arrived_at - make_interval(secs => @seconds),
                             announced_at = announced_at - make_interval(secs => @seconds)
            WHERE id = ANY(@calls)
            """, new { seconds, calls });
    }

    private static async Task<JsonElement> AnnouncementAsync(QueueWorld world, Guid callId, int count)
    {
        JsonElement[] found = [];
        await Eventually.HoldsAsync(async () => (found = await AnnouncementsAsync(world, callId)).Length >= count,
            TimeSpan.FromSeconds(15), $"announcement {count} to call {callId}");
        return found[count - 1];
    }

    private static async Task<JsonElement[]> AnnouncementsAsync(QueueWorld world, Guid callId) =>
        [.. (await (await world.Pbx.GetAsync("/api/queue/telephony/commands?limit=500")).JsonAsync()).GetProperty("commands").EnumerateArray()
            .Where(c => c.GetProperty("kind").GetString() == "announce" && c.GetProperty("callId").GetGuid() == callId)];
}

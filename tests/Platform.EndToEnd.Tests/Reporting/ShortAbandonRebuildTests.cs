using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.EndToEnd.Tests.Queue;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Reporting;

/// <summary>
/// The short-abandon threshold in force travels with each abandon (<c>CallAbandoned.ShortAbandonSeconds</c>, filled by the
/// queue service): an abandon under a generous threshold stays short after the threshold is set to 0 and the projections are
/// rebuilt, and one after the change is not short. Through the gateway, the PBX's own calls and hang-ups.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ShortAbandonRebuildTests(PlatformUnderTest platform)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(30); // a bound, not a timing: the shared machine can be slow

    [Fact]
    public async Task A_rebuild_judges_each_abandon_by_the_short_abandon_threshold_in_force_when_it_happened()
    {
        var world = await QueueWorld.CreateAsync(platform); // no agent: calls wait until the caller hangs up
        await world.ConfigureAsync(world.QueueId, new { shortAbandonSeconds = 600 });
        Assert.Equal(600, (await (await world.Admin.GetAsync($"/api/queue/queues/{world.QueueId}")).JsonAsync()).GetProperty("queue").GetProperty("shortAbandonSeconds").GetInt32());
        var refused = await world.Admin.PutAsJsonAsync($"/api/queue/queues/{world.QueueId}", new { shortAbandonSeconds = -1 });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(600, (await (await world.Admin.GetAsync($"/api/queue/queues/{world.QueueId}")).JsonAsync()).GetProperty("queue").GetProperty("shortAbandonSeconds").GetInt32());
        await AbandonAsync(world);
        await Eventually.HoldsAsync(async () => (await TotalAsync(world)).GetProperty("abandoned").GetInt64() == 1, Soon, "the first abandon counted");

        await world.ConfigureAsync(world.QueueId, new { shortAbandonSeconds = 0 }); // from now on no hang-up is short (every wait is above 0 s)
        await AbandonAsync(world);
        await Eventually.HoldsAsync(async () => await TotalAsync(world) is var total && total.GetProperty("abandoned").GetInt64() == 2
            && total.GetProperty("offered").GetInt64() == 2, Soon, "both calls and their abandons counted");
        var before = await TotalAsync(world);
        Assert.Equal(1, before.GetProperty("shortAbandoned").GetInt64());

        Assert.Equal(HttpStatusCode.OK, (await world.Admin.PostAsync("/api/reporting/projections/rebuild", null)).StatusCode);
        var after = await TotalAsync(world);
        Assert.Equal((2L, 1L), (after.GetProperty("abandoned").GetInt64(), after.GetProperty("shortAbandoned").GetInt64()));
        Assert.Equal(1.0, before.GetProperty("abandonmentRateExcludingShortAbandons").GetDouble(), 10); // 1 of 1 offered call not a short abandon
        Assert.Equal(1.0, after.GetProperty("abandonmentRateExcludingShortAbandons").GetDouble(), 10);
    }

    private static async Task AbandonAsync(QueueWorld world)
    {
        var callId = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        var abandoned = await world.Pbx.PostAsync($"/api/queue/calls/{callId}/abandon", null);
        Assert.True(abandoned.IsSuccessStatusCode, await abandoned.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> TotalAsync(QueueWorld world)
    {
        using var response = await world.Admin.GetAsync($"/api/reporting/queues/{world.QueueId}/intervals?granularity=day");
        return response.IsSuccessStatusCode ? (await response.JsonAsync()).GetProperty("total") : JsonDocument.Parse("""{"abandoned":-1,"offered":-1}""").RootElement;
    }
}

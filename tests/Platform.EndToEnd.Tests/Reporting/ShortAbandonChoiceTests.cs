using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.EndToEnd.Tests.Queue;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Reporting;

/// <summary>
/// A queue chooses whether its short abandons count in its abandonment rate: set in the queue service, carried to
/// reporting on the queue's configuration and on each abandon, and each abandon counted by the choice in force when it
/// happened (a later change does not rewrite the morning).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ShortAbandonChoiceTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task A_queue_that_excludes_short_abandons_leaves_them_out_of_its_abandonment_rate_and_a_later_change_keeps_history()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var refused = await world.Admin.PutAsJsonAsync($"/api/queue/queues/{world.QueueId}", new { shortAbandons = "sometimes" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("shortAbandons", await refused.Content.ReadAsStringAsync());
        var excluded = await world.Admin.PutAsJsonAsync($"/api/queue/queues/{world.QueueId}", new { shortAbandons = "excluded", shortAbandonSeconds = 600 });
        Assert.Equal("excluded", (await excluded.JsonAsync()).GetProperty("shortAbandons").GetString());

        // Two callers hang up at once (short abandons, left out), then the queue counts them again and a third hangs up.
        await AbandonAsync(world);
        await AbandonAsync(world);
        await Eventually.HoldsAsync(async () => (await TotalAsync(world)).GetProperty("abandoned").GetInt64() == 2, TimeSpan.FromSeconds(30), "two abandons counted");
        var morning = await TotalAsync(world);
        Assert.Equal(2, morning.GetProperty("excludedShortAbandons").GetInt64());
        Assert.Equal(JsonValueKind.Null, morning.GetProperty("abandonmentRate").ValueKind);             // nothing left to rate
        Assert.Equal(1.0, morning.GetProperty("abandonmentRateCountingShortAbandons").GetDouble(), 10);

        await world.ConfigureAsync(world.QueueId, new { shortAbandons = "counted" });
        await AbandonAsync(world);
        await Eventually.HoldsAsync(async () => (await TotalAsync(world)).GetProperty("abandoned").GetInt64() == 3, TimeSpan.FromSeconds(30), "the third abandon counted");
        var evening = await TotalAsync(world);
        Assert.Equal(2, evening.GetProperty("excludedShortAbandons").GetInt64());                      // the first two stay left out
        Assert.Equal(3, evening.GetProperty("shortAbandoned").GetInt64());
        Assert.Equal(1.0, evening.GetProperty("abandonmentRate").GetDouble(), 10);                     // 1 of 1 counted
    }

    private static async Task AbandonAsync(QueueWorld world) => await CallMix.AbandonNumberAsync(world, $"+420777{Random.Shared.Next(100_000, 999_999)}");

    private static async Task<JsonElement> TotalAsync(QueueWorld world)
    {
        var from = DateTimeOffset.UtcNow.AddHours(-1);
        var range = $"granularity=day&from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(from.AddHours(2).ToString("O"))}";
        using var response = await world.Admin.GetAsync($"/api/reporting/queues/{world.QueueId}/intervals?{range}");
        return response.IsSuccessStatusCode ? (await response.JsonAsync()).GetProperty("total") : JsonDocument.Parse("""{"abandoned":-1}""").RootElement;
    }
}

using System.Net;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Platform.Contracts.Queue;
using Platform.EndToEnd.Tests.Queue;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Reporting;

/// <summary>
/// History that does not change: each call judged by the threshold in force for it (a rebuild after a threshold change gives
/// the same figures), an event re-emitted under a new message id counted once, and one tenant's bad event failing alone.
/// Events are published on the bus as the queue service does; figures are read through the gateway.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class HistoryTests(PlatformUnderTest platform)
{
    private IBus Bus => platform.Reporting.Services.GetRequiredService<IBus>();

    private Task PublishAsync<T>(T message) where T : class, ITenantEvent => Bus.Publish(message, context => context.MessageId = NewId.NextGuid());

    [Fact]
    public async Task Calls_keep_the_threshold_in_force_for_them_through_a_change_and_a_rebuild_and_a_re_emitted_event_counts_once()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await (await tenant.Admin.CreateProjectAsync("Threshold")).CreatedIdAsync();
        var queueId = Guid.NewGuid();
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-30);
        Guid first = Guid.NewGuid(), second = Guid.NewGuid(), legacy = Guid.NewGuid(), hungUp = Guid.NewGuid();
        await PublishAsync(new QueueConfigured(tenant.Id, queueId, projectId, "Hotline", 80, 20, t0));
        await PublishAsync(new CallQueued(tenant.Id, first, queueId, projectId, null, false, 0, 1, t0.AddMinutes(1), 20));
        await PublishAsync(new CallQueued(tenant.Id, legacy, queueId, projectId, null, false, 0, 2, t0.AddMinutes(1), 20));
        await PublishAsync(new CallAnswered(tenant.Id, first, queueId, projectId, Guid.NewGuid(), null, 15, t0.AddMinutes(1).AddSeconds(15), ServiceLevelSeconds: 20));
        await WaitForAsync(tenant.Admin, queueId, t0, f => f.GetProperty("answered").GetInt64() == 1, "the first answer");
        // T becomes 10 s; then a call judged by it, a late answer queued under T = 20 that does not carry its T, and an
        // abandon re-emitted under a new message id.
        await PublishAsync(new QueueConfigured(tenant.Id, queueId, projectId, "Hotline", 80, 10, t0.AddMinutes(5)));
        await PublishAsync(new CallQueued(tenant.Id, second, queueId, projectId, null, false, 0, 1, t0.AddMinutes(6), 10));
        await PublishAsync(new CallAnswered(tenant.Id, second, queueId, projectId, Guid.NewGuid(), null, 15, t0.AddMinutes(6).AddSeconds(15), ServiceLevelSeconds: 10));
        await WaitForAsync(tenant.Admin, queueId, t0, f => f.GetProperty("answered").GetInt64() == 2, "the second answer");
        await PublishAsync(new CallAnswered(tenant.Id, legacy, queueId, projectId, Guid.NewGuid(), null, 15, t0.AddMinutes(1).AddSeconds(15)));
        var abandon = new CallAbandoned(tenant.Id, hungUp, queueId, projectId, 5, t0.AddMinutes(7), 10);
        await PublishAsync(new CallQueued(tenant.Id, hungUp, queueId, projectId, null, false, 0, 1, t0.AddMinutes(7).AddSeconds(-5), 10));
        await PublishAsync(abandon);
        await PublishAsync(abandon);

        // Hand count: first (15 <= 20) and legacy (15 <= its 20) within T, second (15 > 10) not; one abandon, within 10 s.
        var before = await WaitForAsync(tenant.Admin, queueId, t0, f => f.GetProperty("answered").GetInt64() == 3 && f.GetProperty("abandoned").GetInt64() >= 1,
            "all calls counted");
        Assert.Equal(4, before.GetProperty("offered").GetInt64());
        Assert.Equal(2, before.GetProperty("answeredWithinThreshold").GetInt64());
        Assert.Equal(1, before.GetProperty("abandoned").GetInt64());
        Assert.Equal(1, before.GetProperty("abandonedWithinThreshold").GetInt64());
        Assert.Equal(2.0 / 3, before.GetProperty("serviceLevel").GetDouble(), 10);

        Assert.Equal(HttpStatusCode.OK, (await tenant.Admin.PostAsync("/api/reporting/projections/rebuild", null)).StatusCode);
        var after = await TotalAsync(tenant.Admin, queueId, t0);
        Assert.Equal(before.ToString(), after.ToString());
    }

    [Fact]
    public async Task The_queue_carries_the_threshold_in_force_on_a_real_answer()
    {
        var world = await QueueWorld.CreateAsync(platform);
        await world.ConfigureAsync(world.QueueId, new { name = "Strict", serviceLevelSeconds = 12 });
        var agent = await world.AddAgentAsync("Threshold taker");
        await world.SetMembersAsync(agent);
        await QueueWorld.AvailableAsync(agent);
        var call = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        Assert.Equal(call, await world.WaitForOfferAsync(agent));
        Assert.True((await QueueWorld.AcceptAsync(agent, call)).IsSuccessStatusCode);
        await Eventually.HoldsAsync(async () => await LoggedThresholdAsync(call) == 12, TimeSpan.FromSeconds(10), "the answer with T = 12 in reporting's log");
    }

    [Fact]
    public async Task A_bad_event_in_a_batch_across_two_tenants_is_parked_alone_and_every_other_event_counts()
    {
        var good = await platform.CreateTenantAsync();
        var hurt = await platform.CreateTenantAsync();
        await (await good.Admin.CreateProjectAsync("Good")).CreatedIdAsync();
        await (await hurt.Admin.CreateProjectAsync("Hurt")).CreatedIdAsync();
        var at = DateTimeOffset.UtcNow;
        var poison = new AgentChanged(hurt.Id, Guid.NewGuid(), null, null!, null, at); // an agent without a name: the row cannot be written
        var goodAgents = Enumerable.Range(0, 3).Select(i => new AgentChanged(good.Id, Guid.NewGuid(), null, $"Good {i}", null, at)).ToList();
        var hurtAgents = Enumerable.Range(0, 2).Select(i => new AgentChanged(hurt.Id, Guid.NewGuid(), null, $"Hurt {i}", null, at)).ToList();
        var poisonId = NewId.NextGuid();
        // Published together, so they share a batch: the bad one first.
        await Task.WhenAll(new[] { Bus.Publish(poison, c => c.MessageId = poisonId) }
            .Concat(goodAgents.Zip(hurtAgents.Concat(goodAgents.Take(1)), (g, h) => new[] { PublishAsync(g), PublishAsync(h) }).SelectMany(p => p)));

        var date = at.ToString("yyyy-MM-dd");
        foreach (var (admin, agent) in goodAgents.Select(a => (good.Admin, a)).Concat(hurtAgents.Select(a => (hurt.Admin, a))))
        {
            await Eventually.HoldsAsync(async () => (await admin.GetAsync($"/api/reporting/agents/{agent.AgentId}/days/{date}")).StatusCode == HttpStatusCode.OK,
                TimeSpan.FromSeconds(15), $"{agent.Name} counted");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await hurt.Admin.GetAsync($"/api/reporting/agents/{poison.AgentId}/days/{date}")).StatusCode);
        Assert.Equal([(hurt.Id, poisonId)], await ParkedAsync([good.Id, hurt.Id]));
    }

    /// <summary>
    /// The queue's figures from an hour before <paramref name="t0"/> to two hours after: the events' own times, whatever
    /// the time of day (the default range, the project's today, misses them when t0 falls on the day before).
    /// </summary>
    private static async Task<JsonElement> TotalAsync(HttpClient admin, Guid queueId, DateTimeOffset t0)
    {
        var response = await admin.GetAsync($"/api/reporting/queues/{queueId}/intervals?from={Utc(t0.AddHours(-1))}&to={Utc(t0.AddHours(2))}");
        return response.IsSuccessStatusCode ? (await response.JsonAsync()).GetProperty("total") : default;
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<JsonElement> WaitForAsync(HttpClient admin, Guid queueId, DateTimeOffset t0, Func<JsonElement, bool> holds, string what)
    {
        JsonElement total = default;
        await Eventually.HoldsAsync(async () => (total = await TotalAsync(admin, queueId, t0)).ValueKind == JsonValueKind.Object && holds(total),
            TimeSpan.FromSeconds(15), what);
        return total;
    }

    private async Task<int?> LoggedThresholdAsync(Guid callId)
    {
        await using var db = platform.Database("reporting");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT (body->>'serviceLevelSeconds')::int FROM event_log WHERE message_type = $1 AND body->>'callId' = $2";
        command.Parameters.AddWithValue(typeof(CallAnswered).FullName!);
        command.Parameters.AddWithValue(callId.ToString());
        return await command.ExecuteScalarAsync() as int?;
    }

    private async Task<List<(Guid, Guid)>> ParkedAsync(Guid[] tenants)
    {
        await using var db = platform.Database("reporting");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT tenant_id, message_id FROM parked_events WHERE tenant_id = ANY($1)";
        command.Parameters.AddWithValue(tenants);
        var rows = new List<(Guid, Guid)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetGuid(0), reader.GetGuid(1)));
        }
        return rows;
    }
}

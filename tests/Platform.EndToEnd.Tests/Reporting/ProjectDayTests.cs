using System.Net;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Queue;
using Platform.EndToEnd.Tests.Queue;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Reporting;

/// <summary>Days are the project's (Europe/Prague here), not UTC: a call just after Prague's midnight is the next day's.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ProjectDayTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task A_call_at_23_30_utc_in_winter_counts_on_the_next_prague_day_for_the_agent_and_the_queue()
    {
        var world = await QueueWorld.CreateAsync(platform); // its project's zone is Europe/Prague
        var agent = await world.AddAgentAsync("Night owl");
        await Eventually.HoldsAsync(async () => (await world.Admin.GetAsync($"/api/reporting/projects/{world.ProjectId}")).IsSuccessStatusCode
                && (await world.Admin.GetAsync($"/api/reporting/agents/{agent.Id}/days/2026-01-16")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(15), "reporting knows the project and the agent");

        var callId = Guid.NewGuid();
        var queuedAt = new DateTimeOffset(2026, 1, 15, 23, 20, 0, TimeSpan.Zero); // 00:20 on 16 January in Prague
        var bus = platform.Reporting.Services.GetRequiredService<IBus>();
        await bus.Publish(new CallQueued(world.Tenant.Id, callId, world.QueueId, world.ProjectId, null, false, 0, 1, queuedAt, 20),
            context => context.MessageId = NewId.NextGuid());
        await bus.Publish(new CallCompleted(world.Tenant.Id, callId, world.QueueId, world.ProjectId, agent.Id, null, 5, 240, 0, 20, false,
            queuedAt, queuedAt.AddMinutes(10)), context => context.MessageId = NewId.NextGuid());

        await Eventually.HoldsAsync(async () => await HandledAsync(world, agent.Id, "2026-01-16") == 1, TimeSpan.FromSeconds(15),
            "the agent's 16 January (Prague) holds the call");
        Assert.Equal(0, await HandledAsync(world, agent.Id, "2026-01-15"));

        var days = await (await world.Admin.GetAsync(
            $"/api/reporting/queues/{world.QueueId}/intervals?granularity=day&from=2026-01-15&to=2026-01-17")).JsonAsync();
        var buckets = days.GetProperty("intervals").EnumerateArray()
            .Select(i => (Start: i.GetProperty("start").GetDateTimeOffset(), Offered: i.GetProperty("offered").GetInt64(), Handled: i.GetProperty("handled").GetInt64()))
            .ToList();
        // Prague's midnights, in UTC: 15 January (nothing happened: a zero row) and 16 January (the call).
        Assert.Equal(new[]
        {
            (new DateTimeOffset(2026, 1, 14, 23, 0, 0, TimeSpan.Zero), 0L, 0L),
            (new DateTimeOffset(2026, 1, 15, 23, 0, 0, TimeSpan.Zero), 1L, 1L),
        }, buckets);
        Assert.Equal(new DateTimeOffset(2026, 1, 14, 23, 0, 0, TimeSpan.Zero), days.GetProperty("from").GetDateTimeOffset());
    }

    private static async Task<long> HandledAsync(QueueWorld world, Guid agentId, string day) =>
        (await (await world.Admin.GetAsync($"/api/reporting/agents/{agentId}/days/{day}")).JsonAsync()).GetProperty("callsHandled").GetInt64();
}

using System.Net;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.CallSimulator;
using Platform.Contracts.Queue;
using Platform.EndToEnd.Tests.Queue;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Reporting;

/// <summary>
/// Real calls through the queue service (handled with results, abandoned, left waiting); every figure reporting serves
/// through the gateway equals a recount from the raw events the services published, a duplicate delivery changes no
/// figure, and a rebuild from reporting's event log gives the same figures again.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class RecountTests(PlatformUnderTest platform)
{
    /// <summary>The project's (Europe/Prague) today: reports count days in the project's zone.</summary>
    private static readonly string Today =
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Prague")).ToString("yyyy-MM-dd");

    [Fact]
    public async Task Figures_served_match_a_recount_of_the_raw_events_and_a_duplicate_changes_none()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var agents = new[] { await world.AddAgentAsync("Ann"), await world.AddAgentAsync("Ben"), await world.AddAgentAsync("Cyd") };
        await world.SetMembersAsync(agents);
        foreach (var agent in agents)
        {
            await QueueWorld.AvailableAsync(agent);
        }
        await CallMix.HandleAsync(world, agents, 16);
        foreach (var agent in agents)
        {
            Assert.True((await QueueWorld.SetStateAsync(agent, "break", "lunch")).IsSuccessStatusCode);
        }
        await CallMix.AbandonAsync(world, 9);
        for (var i = 0; i < 3; i++)
        {
            await world.CallAsync(QueueWorld.UniqueNumber()); // left waiting: the wallboard's calls waiting
        }

        var raw = await RawEvent.OfAsync(platform, world.Tenant.Id, "queue", "clients");
        var expected = Recount.Of(raw, world.QueueId, agents[0].Id);
        Assert.True(expected.Handled == 16 && expected.Abandoned == 9 && expected.Offered == 28, $"the drive itself: {expected}");
        await Eventually.HoldsAsync(async () => await ServedAsync(world, agents[0].Id) == expected, TimeSpan.FromSeconds(30),
            "reporting's figures equal the recount");

        // The same CallCompleted again (same message id), then a new one: only the new one counts.
        var completed = raw.First(e => e.Type == nameof(CallCompleted));
        var message = completed.Body.Deserialize<CallCompleted>(JsonSerializerOptions.Web)!;
        var messageId = await MessageIdAsync(world, message.CallId);
        var bus = platform.Reporting.Services.GetRequiredService<IBus>();
        await bus.Publish(message, context => context.MessageId = messageId);
        var fresh = message with { CallId = Guid.NewGuid(), TalkSeconds = 240, WrapUpSeconds = 10, HoldSeconds = 0 };
        await bus.Publish(fresh, context => context.MessageId = NewId.NextGuid());
        var withFresh = expected with
        {
            Handled = expected.Handled + 1, TalkSeconds = expected.TalkSeconds + 240, WrapUpSeconds = expected.WrapUpSeconds + 10,
            AgentCallsHandled = expected.AgentCallsHandled + (fresh.AgentId == agents[0].Id ? 1 : 0),
            AgentTalkSeconds = expected.AgentTalkSeconds + (fresh.AgentId == agents[0].Id ? 240 : 0),
            AgentCallsInBand = expected.AgentCallsInBand + (fresh.AgentId == agents[0].Id ? 1 : 0),   // 240 s: inside 3-5 minutes
        };
        await Eventually.HoldsAsync(async () => await ServedAsync(world, agents[0].Id) == withFresh, TimeSpan.FromSeconds(15), "the new event counted");
        await Task.Delay(1000);
        Assert.Equal(withFresh, await ServedAsync(world, agents[0].Id));

        // Rebuilt from scratch from reporting's own event log: the same figures.
        var rebuilt = await world.Admin.PostAsync("/api/reporting/projections/rebuild", null);
        Assert.Equal(HttpStatusCode.OK, rebuilt.StatusCode);
        Assert.Equal(withFresh, await ServedAsync(world, agents[0].Id));
    }

    [Fact]
    public async Task With_the_simulator_playing_the_pbx_and_the_agents_the_figures_served_match_a_recount_of_the_raw_events()
    {
        var tenant = await platform.CreateTenantAsync("rsim");
        using var gateway = platform.Gateway.CreateClient();
        gateway.Timeout = Timeout.InfiniteTimeSpan;
        var simulation = new CallSimulation(gateway, new SimulationOptions
        {
            Tenant = tenant.Slug, Username = "admin", Password = tenant.Password,
            Rate = 5, Duration = TimeSpan.FromSeconds(6), Agents = 3, HandleSeconds = 0.6, WrapUpSeconds = 0.2, PatienceSeconds = 2,
            VipShare = 0.2, CallbackShare = 0.1, AcceptMinMilliseconds = 5, AcceptMaxMilliseconds = 60, DrainTimeout = TimeSpan.FromSeconds(40), Seed = 11,
        });

        var report = await simulation.RunAsync();

        Assert.Empty(report.LostCalls);
        Assert.True(report.Completed > 0 && report.Abandoned > 0, $"{report.Completed} completed, {report.Abandoned} abandoned: both paths should run");
        var center = simulation.Center!;
        var busiest = center.Agents.Select(a => a.Id).ToArray();
        var raw = await RawEvent.OfAsync(platform, tenant.Id, "queue", "clients");
        var agentId = busiest.MaxBy(id => raw.Count(e => e.Type == nameof(CallCompleted) && e.Id("agentId") == id));
        var expected = Recount.Of(raw, center.QueueId, agentId);
        Assert.Equal(report.Arrived, expected.Offered);
        Assert.Equal(report.Completed, expected.Handled);
        await Eventually.HoldsAsync(async () => await ServedAsync(tenant.Admin, center.QueueId, center.ProjectId, agentId) == expected,
            TimeSpan.FromSeconds(30), $"reporting's figures equal the recount {expected}");
    }

    private async Task<Guid> MessageIdAsync(QueueWorld world, Guid callId)
    {
        await using var db = platform.Database("queue");
        return await Dapper.SqlMapper.QuerySingleAsync<Guid>(db,
            "SELECT message_id FROM outbox_messages WHERE tenant_id = @Id AND message_type LIKE '%CallCompleted' AND body->>'callId' = @call",
            new { world.Tenant.Id, call = callId.ToString() });
    }

    /// <summary>What reporting serves through the gateway, in the recount's shape.</summary>
    private static Task<Recount> ServedAsync(QueueWorld world, Guid agentId) => ServedAsync(world.Admin, world.QueueId, world.ProjectId, agentId);

    private static async Task<Recount> ServedAsync(HttpClient admin, Guid queueId, Guid projectId, Guid agentId)
    {
        var intervals = await admin.GetAsync($"/api/reporting/queues/{queueId}/intervals?granularity=day&from={Today}");
        if (intervals.StatusCode != HttpStatusCode.OK)
        {
            return Recount.Nothing;
        }
        var total = (await intervals.JsonAsync()).GetProperty("total");
        var summary = await (await admin.GetAsync($"/api/reporting/projects/{projectId}")).JsonAsync();
        var agent = await admin.GetAsync($"/api/reporting/agents/{agentId}/days/{Today}");
        if (agent.StatusCode != HttpStatusCode.OK)
        {
            return Recount.Nothing;
        }
        var day = await agent.JsonAsync();
        var live = await (await admin.GetAsync($"/api/reporting/live?queueId={queueId}&format=csv")).Content.ReadAsStringAsync();
        return new Recount(
            Long(total, "offered"), Long(total, "answered"), Long(total, "answeredWithinThreshold"), Long(total, "abandoned"),
            Long(total, "abandonedWithinThreshold"), Long(total, "handled"), Round(total, "talkSeconds"), Round(total, "wrapUpSeconds"),
            Round(total, "averageSpeedOfAnswer"), Long(summary, "callsOffered"), Long(summary, "outcomes"), Long(summary, "meetingsSet"),
            Long(summary, "contractsSigned"), Long(day, "callsHandled"), Round(day, "talkSeconds"), Long(day, "callsInBand"), Long(day, "outcomes"),
            Long(day, "meetingsSet"), Long(day, "contractsSigned"), Long(day, "contactsCalled"), WaitingIn(live));
    }

    private static long Long(JsonElement e, string name) => e.GetProperty(name).GetInt64();

    private static double Round(JsonElement e, string name) =>
        e.GetProperty(name).ValueKind == JsonValueKind.Null ? -1 : Math.Round(e.GetProperty(name).GetDouble(), 3);

    /// <summary>callsWaiting from the wallboard's CSV (header row, then one row per queue).</summary>
    private static long WaitingIn(string csv)
    {
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length < 2)
        {
            return -1;
        }
        var column = Array.IndexOf(lines[0].Split(';'), "CallsWaiting"); // reporting's CSV: ';' between fields (Excel, European locale)
        return long.Parse(lines[1].Split(';')[column]);
    }
}

using System.Net;
using System.Text.Json;
using Platform.Contracts.Queue;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Reporting;

/// <summary>Staffed agents and occupancy per 15 minutes for a group and for a queue's members, against a hand count of state changes.</summary>
[Collection(PlatformCollection.Name)]
public sealed class OccupancyTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task Staffed_agents_and_occupancy_per_quarter_hour_follow_the_agents_ordered_changes()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await (await tenant.Admin.CreateProjectAsync("Occupancy")).CreatedIdAsync();
        var t = tenant.Id;
        var (queue, group, one, two) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var t0 = BusEvents.QuarterHoursAgo(2);
        DateTimeOffset At(int minutes) => t0.AddMinutes(minutes);
        // One: available, a 5-minute call from 08:05 with no wrap-up (two changes in one instant), logged out at 08:20.
        // Two: on lunch for the first quarter hour, then available until 08:30.
        await new BusEvents(platform).PublishAsync(
            new QueueConfigured(t, queue, projectId, "Hotline", 80, 20, At(-10)),
            new AgentChanged(t, one, null, "One", group, At(-10)),
            new AgentChanged(t, two, null, "Two", group, At(-10)),
            new QueueMembersReplaced(t, queue, [one], At(-10)),
            new AgentStateChanged(t, one, "logged_out", "available", null, null, At(0), 1),
            new AgentStateChanged(t, one, "available", "on_call", null, null, At(5), 2),
            new AgentStateChanged(t, one, "on_call", "wrap_up", null, null, At(10), 3),
            new AgentStateChanged(t, one, "wrap_up", "available", null, null, At(10), 4),
            new AgentStateChanged(t, one, "available", "logged_out", null, null, At(20), 5),
            new AgentStateChanged(t, two, "logged_out", "break", "lunch", null, At(0), 1),
            new AgentStateChanged(t, two, "break", "available", null, null, At(15), 2),
            new AgentStateChanged(t, two, "available", "logged_out", null, null, At(30), 3));
        var range = $"from={Uri.EscapeDataString(t0.ToString("O"))}&to={Uri.EscapeDataString(At(45).ToString("O"))}";

        JsonElement byGroup = default;
        await Eventually.HoldsAsync(async () =>
        {
            var response = await tenant.Admin.GetAsync($"/api/reporting/occupancy?groupId={group}&{range}");
            byGroup = response.IsSuccessStatusCode ? await response.JsonAsync() : default;
            return byGroup.ValueKind == JsonValueKind.Object && byGroup.GetProperty("total").GetProperty("loggedInSeconds").GetDouble() == 50 * 60;
        }, TimeSpan.FromSeconds(15), "both agents' changes counted");
        var rows = byGroup.GetProperty("intervals").EnumerateArray().ToList();
        Assert.Equal([t0, At(15), At(30)], rows.Select(r => r.GetProperty("start").GetDateTimeOffset()));
        Assert.Equal([2, 2, 0], rows.Select(r => r.GetProperty("agentsLoggedIn").GetInt64()));
        Assert.Equal([1.0, Math.Round(20.0 / 15, 10), 0], rows.Select(r => Math.Round(r.GetProperty("staffedAgents").GetDouble(), 10)));
        Assert.Equal(300, rows[0].GetProperty("busySeconds").GetDouble());
        Assert.Equal(900, rows[0].GetProperty("pauseSeconds").GetDouble());
        Assert.Equal(1.0 / 3, rows[0].GetProperty("occupancy").GetDouble(), 10);
        Assert.Equal(0, rows[1].GetProperty("occupancy").GetDouble());
        Assert.Equal(JsonValueKind.Null, rows[2].GetProperty("occupancy").ValueKind);
        Assert.Equal(300.0 / (35 * 60), byGroup.GetProperty("total").GetProperty("occupancy").GetDouble(), 10);

        var byQueue = await (await tenant.Admin.GetAsync($"/api/reporting/occupancy?queueId={queue}&{range}")).JsonAsync();
        Assert.Equal(1, byQueue.GetProperty("agents").GetInt64()); // the queue's member only
        Assert.Equal([1.0, Math.Round(1.0 / 3, 10), 0], byQueue.GetProperty("intervals").EnumerateArray().Select(r => Math.Round(r.GetProperty("staffedAgents").GetDouble(), 10)));

        var csv = Csv.Parse(await (await tenant.Admin.GetAsync($"/api/reporting/occupancy?groupId={group}&{range}&format=csv")).Content.ReadAsByteArrayAsync());
        Assert.Equal("Total", csv.Rows[^1][0]);
        Assert.Equal(20.0 / 15, Csv.Number(csv.Rows[2][Array.IndexOf(csv.Header, "StaffedAgents")]), 10);

        Assert.Equal(HttpStatusCode.BadRequest, (await tenant.Admin.GetAsync($"/api/reporting/occupancy?groupId={group}&queueId={queue}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.Admin.GetAsync($"/api/reporting/occupancy?groupId={Guid.NewGuid()}")).StatusCode);
    }
}

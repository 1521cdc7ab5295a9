using System.Diagnostics;
using System.Net;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Scripts;
using Platform.EndToEnd.Tests.Queue;
using Platform.ServiceDefaults.Auth;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Reporting;

/// <summary>The wallboard's push, who sees what, Erlang C through the gateway, the script funnel, and bad input.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ReportingApiTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task The_wallboard_pushes_a_new_waiting_call_within_a_second()
    {
        var world = await QueueWorld.CreateAsync(platform);
        await world.CallAsync(QueueWorld.UniqueNumber()); // reporting learns the queue
        await Eventually.HoldsAsync(async () => (await world.Admin.GetAsync($"/api/reporting/live?queueId={world.QueueId}&format=csv")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(10), "the queue known to reporting");
        await using var board = await SseReader.OpenAsync(world.Admin, $"/api/reporting/live?projectId={world.ProjectId}");
        Assert.Equal("text/event-stream", board.Response.Content.Headers.ContentType?.MediaType);
        await board.NextAsync(e => e.Name == "wallboard" && Waiting(e) == 1, TimeSpan.FromSeconds(10));

        var clock = Stopwatch.StartNew();
        await world.CallAsync(QueueWorld.UniqueNumber());
        await board.NextAsync(e => e.Name == "wallboard" && Waiting(e) == 2, TimeSpan.FromSeconds(5));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), $"pushed after {clock.ElapsedMilliseconds} ms (the arrival's own request included)");
    }

    private static long Waiting(SseReader.Event e) =>
        e.Data.GetProperty("queues").EnumerateArray().Sum(q => q.GetProperty("callsWaiting").GetInt64());

    [Fact]
    public async Task A_client_viewer_sees_their_own_projects_only()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var other = await (await world.Admin.CreateProjectAsync("Other client")).CreatedIdAsync();
        await world.CallAsync(QueueWorld.UniqueNumber());
        var viewer = await platform.CreateUserAsync(world.Tenant, [Roles.ClientViewer], [other]);
        await Eventually.HoldsAsync(async () => (await world.Admin.GetAsync($"/api/reporting/queues/{world.QueueId}/intervals")).IsSuccessStatusCode
            && (await world.Admin.GetAsync($"/api/reporting/projects/{other}")).IsSuccessStatusCode, TimeSpan.FromSeconds(10), "reporting knows both");

        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/api/reporting/queues/{world.QueueId}/intervals")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/api/reporting/projects/{world.ProjectId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/api/reporting/live?queueId={world.QueueId}&format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/reporting/projects/{other}")).StatusCode);
        var board = await (await viewer.GetAsync("/api/reporting/live?format=csv")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(world.QueueId.ToString(), board, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(world.QueueId.ToString(), await (await world.Admin.GetAsync("/api/reporting/live?format=csv")).Content.ReadAsStringAsync(),
            StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync($"/api/reporting/staffing?callsPerInterval=10&ahtSeconds=180")).StatusCode);
    }

    [Fact]
    public async Task Staffing_answers_the_textbook_case_and_refuses_impossible_inputs_naming_the_field()
    {
        var tenant = await platform.CreateTenantAsync();
        var answer = await (await tenant.Admin.GetAsync(
            "/api/reporting/staffing?callsPerInterval=100&intervalMinutes=30&ahtSeconds=180&serviceLevelPercent=80&serviceLevelSeconds=20&shrinkagePercent=30&agents=13"))
            .JsonAsync();
        Assert.Equal(10.0, answer.GetProperty("trafficErlangs").GetDouble(), 6);
        Assert.Equal(14, answer.GetProperty("agentsNeeded").GetInt32());
        Assert.Equal(20, answer.GetProperty("agentsToSchedule").GetInt32());
        Assert.Equal(0.8884, answer.GetProperty("expectedServiceLevel").GetDouble(), 4);
        Assert.Equal(0.7956, answer.GetProperty("proposed").GetProperty("serviceLevel").GetDouble(), 4);
        var csv = await (await tenant.Admin.GetAsync("/api/reporting/staffing?callsPerInterval=100&intervalMinutes=30&ahtSeconds=180&format=csv")).Content.ReadAsStringAsync();
        Assert.StartsWith("Agents;ServiceLevel;", csv.TrimStart('\uFEFF'));

        foreach (var (query, field) in new[]
        {
            ("callsPerInterval=100&intervalMinutes=30&ahtSeconds=180&agents=10", "agents"),
            ("callsPerInterval=100&ahtSeconds=-5", "ahtSeconds"),
            ("callsPerInterval=100&ahtSeconds=180&serviceLevelPercent=100", "serviceLevelPercent"),
            ("callsPerInterval=abc&ahtSeconds=180", "callsPerInterval"),
        })
        {
            var response = await tenant.Admin.GetAsync($"/api/reporting/staffing?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), $"{query} names {field}");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.Admin.GetAsync($"/api/reporting/staffing?queueId={Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Ranges_inverted_or_too_long_and_unknown_ids_are_refused()
    {
        var world = await QueueWorld.CreateAsync(platform);
        await world.CallAsync(QueueWorld.UniqueNumber());
        var intervals = $"/api/reporting/queues/{world.QueueId}/intervals";
        await Eventually.HoldsAsync(async () => (await world.Admin.GetAsync(intervals)).IsSuccessStatusCode, TimeSpan.FromSeconds(10), "queue known");
        foreach (var (query, field) in new[]
        {
            ("from=2026-03-02&to=2026-03-01", "to"),
            ("from=2026-01-01&to=2026-03-01&granularity=15m", "to"),
            ("granularity=hour", "granularity"),
            ("from=yesterday", "from"),
            ("format=xml", "format"),
        })
        {
            var response = await world.Admin.GetAsync($"{intervals}?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), $"{query} names {field}");
        }
        Assert.Equal(HttpStatusCode.OK, (await world.Admin.GetAsync($"{intervals}?from=2026-01-01&to=2026-03-01&granularity=day")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Admin.GetAsync($"/api/reporting/queues/{Guid.NewGuid()}/intervals")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Admin.GetAsync($"/api/reporting/agents/{Guid.NewGuid()}/days/2026-03-02")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Admin.GetAsync($"/api/reporting/groups/{Guid.NewGuid()}/days/2026-03-02")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Admin.GetAsync($"/api/reporting/scripts/{Guid.NewGuid()}/funnel")).StatusCode);
        var badDate = await world.Admin.GetAsync($"/api/reporting/agents/{Guid.NewGuid()}/days/2026-13-45");
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        var csv = await world.Admin.GetAsync($"{intervals}?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_script_funnel_counts_each_step_once_per_session_in_path_order()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await (await tenant.Admin.CreateProjectAsync("Survey")).CreatedIdAsync();
        var scriptId = Guid.NewGuid();
        var bus = platform.Reporting.Services.GetRequiredService<IBus>();
        string[][] paths = [["greet", "ask", "offer", "close"], ["greet", "ask", "ask", "bye"], ["greet", "offer"]];
        foreach (var path in paths)
        {
            await bus.Publish(new ScriptSessionCompleted(tenant.Id, Guid.NewGuid(), scriptId, 1, projectId, null, null, null, [],
                path.Select(s => new ScriptPathStep(s, 10)).ToArray(), null, path[^1] == "close" ? "completed" : "abandoned",
                DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow), context => context.MessageId = NewId.NextGuid());
        }
        var url = $"/api/reporting/scripts/{scriptId}/funnel";
        await Eventually.HoldsAsync(async () => (await tenant.Admin.GetAsync(url)) is { IsSuccessStatusCode: true } r
            && (await r.JsonAsync()).GetProperty("sessions").GetInt64() == 3, TimeSpan.FromSeconds(10), "three sessions counted");
        var funnel = await (await tenant.Admin.GetAsync(url)).JsonAsync();
        var steps = funnel.GetProperty("steps").EnumerateArray().Select(s => (s.GetProperty("stepId").GetString(), s.GetProperty("sessions").GetInt64())).ToList();
        Assert.Equal([("greet", 3L), ("ask", 2L), ("offer", 2L), ("bye", 1L), ("close", 1L)], steps);
        Assert.Equal(1, funnel.GetProperty("completed").GetInt64());
        var ask = funnel.GetProperty("steps")[1];
        Assert.Equal(15.0, ask.GetProperty("averageSeconds").GetDouble(), 6); // 10 + 20 seconds over two sessions
    }
}

using System.Net;
using System.Text.Json;
using Platform.Contracts.Contacts;
using Platform.Contracts.Queue;
using Platform.EndToEnd.Tests.Queue;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Reporting;

/// <summary>
/// Call detail records, the abandoned-caller list and an agent's report over a range, against a hand count of events
/// published as the queue and clients services do; and the abandoned-caller list from real calls through the queue.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CallRecordsTests(PlatformUnderTest platform)
{
    private sealed record Mix(HttpClient Admin, Guid ProjectId, Guid QueueId, Guid OverflowQueueId, Guid AgentId, DateTimeOffset T0,
        Dictionary<string, Guid> Calls, Dictionary<string, string> Numbers);

    /// <summary>
    /// Seven legs: c1 handled (inbound, 100 s, a sale), c2 abandoned, c3 abandoned and its caller got through later as c4 (240 s,
    /// in the band), c5 left for a callback that the agent made (outbound, 180 s), c6 overflowed and abandoned in the second queue;
    /// and the agent's own outbound call of 200 s recorded without a queue call.
    /// </summary>
    private async Task<Mix> PublishMixAsync()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await (await tenant.Admin.CreateProjectAsync("Records")).CreatedIdAsync();
        await Eventually.HoldsAsync(async () => (await tenant.Admin.GetAsync($"/api/reporting/projects/{projectId}")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(10), "reporting knows the project");
        var t = tenant.Id;
        var (queue, second, agent, user) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var t0 = BusEvents.QuarterHoursAgo(3);
        var calls = new[] { "c1", "c2", "c3", "c4", "c5", "c6" }.ToDictionary(c => c, _ => Guid.NewGuid());
        var numbers = new[] { "n1", "n2", "n3", "n4", "n5" }.ToDictionary(n => n, _ => QueueWorld.UniqueNumber());
        DateTimeOffset At(int seconds) => t0.AddSeconds(seconds);
        await new BusEvents(platform).PublishAsync(
            new QueueConfigured(t, queue, projectId, "Hotline", 80, 20, At(-60)),
            new QueueConfigured(t, second, projectId, "Overflow", 80, 20, At(-60)),
            new AgentChanged(t, agent, user, "Agent Records", null, At(-60)),
            new CallQueued(t, calls["c1"], queue, projectId, null, false, 0, 1, At(0), 20, numbers["n1"]),
            new CallAnswered(t, calls["c1"], queue, projectId, agent, null, 10, At(10), user, 20),
            new CallCompleted(t, calls["c1"], queue, projectId, agent, null, 10, 100, 0, 20, false, At(0), At(130)),
            new CallOutcomeRecorded(t, Guid.NewGuid(), Guid.NewGuid(), projectId, user, calls["c1"], "sale", "sale", 100, null, At(140)),
            new CallQueued(t, calls["c2"], queue, projectId, null, false, 0, 1, At(60), 20, numbers["n2"]),
            new CallAbandoned(t, calls["c2"], queue, projectId, 30, At(90), 20),
            new CallQueued(t, calls["c3"], queue, projectId, null, false, 0, 1, At(120), 20, numbers["n3"]),
            new CallAbandoned(t, calls["c3"], queue, projectId, 5, At(125), 20),
            new CallQueued(t, calls["c4"], queue, projectId, null, false, 0, 1, At(600), 20, numbers["n3"]),
            new CallAnswered(t, calls["c4"], queue, projectId, agent, null, 10, At(610), user, 20),
            new CallCompleted(t, calls["c4"], queue, projectId, agent, null, 10, 240, 0, 50, false, At(600), At(900)),
            new CallQueued(t, calls["c5"], queue, projectId, null, false, 0, 1, At(200), 20, numbers["n4"]),
            new CallbackRequested(t, calls["c5"], queue, projectId, numbers["n4"], At(230)),
            new CallAnswered(t, calls["c5"], queue, projectId, agent, null, 800, At(1000), user, 20),
            new CallCompleted(t, calls["c5"], queue, projectId, agent, null, 800, 180, 0, 20, true, At(200), At(1200)),
            new CallQueued(t, calls["c6"], queue, projectId, null, false, 0, 1, At(300), 20, numbers["n5"]),
            new QueueOverflowed(t, calls["c6"], queue, second, "too long a wait", At(330)),
            new CallQueued(t, calls["c6"], second, projectId, null, false, 0, 1, At(330), 20),
            new CallAbandoned(t, calls["c6"], second, projectId, 40, At(340), 20),
            new CallOutcomeRecorded(t, Guid.NewGuid(), Guid.NewGuid(), projectId, user, null, "not_interested", "not_interested", 200, null, At(2000)));
        var mix = new Mix(tenant.Admin, projectId, queue, second, agent, t0, calls, numbers);
        await Eventually.HoldsAsync(async () => (await PageAsync(mix, "")).GetProperty("total").GetInt64() == 7
            && (await AgentTotalAsync(mix)) is var total && total.GetProperty("outcomes").GetInt64() == 2 && total.GetProperty("callsHandled").GetInt64() == 4
            && (await PageAsync(mix, $"&agentId={agent}")).GetProperty("calls").EnumerateArray().All(c => c.GetProperty("agentName").GetString() == "Agent Records"),
            TimeSpan.FromSeconds(15), "all seven legs, the agent's four calls and both results counted, the agent known by name");
        return mix;
    }

    private static string Range(Mix mix) =>
        $"from={Uri.EscapeDataString(mix.T0.AddMinutes(-5).ToString("O"))}&to={Uri.EscapeDataString(mix.T0.AddHours(1).ToString("O"))}";

    private static async Task<JsonElement> PageAsync(Mix mix, string query)
    {
        var response = await mix.Admin.GetAsync($"/api/reporting/calls?projectId={mix.ProjectId}&{Range(mix)}{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private static async Task<JsonElement> AgentTotalAsync(Mix mix) =>
        (await (await mix.Admin.GetAsync($"/api/reporting/agents/{mix.AgentId}/report?granularity=15m&{Range(mix)}")).JsonAsync()).GetProperty("total");

    private static HashSet<Guid> CallIds(JsonElement page) => page.GetProperty("calls").EnumerateArray().Select(c => c.GetProperty("callId").GetGuid()).ToHashSet();

    [Fact]
    public async Task Call_detail_records_filter_page_export_and_carry_result_direction_and_disposition()
    {
        var mix = await PublishMixAsync();
        var all = await PageAsync(mix, "");
        var results = all.GetProperty("calls").EnumerateArray()
            .Select(c => $"{c.GetProperty("callId").GetGuid()}@{c.GetProperty("queueId").GetGuid()}={c.GetProperty("result").GetString()}").ToHashSet();
        var c = mix.Calls;
        Assert.Equal(new HashSet<string>
        {
            $"{c["c1"]}@{mix.QueueId}=handled", $"{c["c2"]}@{mix.QueueId}=abandoned", $"{c["c3"]}@{mix.QueueId}=abandoned",
            $"{c["c4"]}@{mix.QueueId}=handled", $"{c["c5"]}@{mix.QueueId}=handled", $"{c["c6"]}@{mix.QueueId}=overflowed",
            $"{c["c6"]}@{mix.OverflowQueueId}=abandoned",
        }, results);
        var first = all.GetProperty("calls").EnumerateArray().Single(x => x.GetProperty("callId").GetGuid() == c["c1"]);
        Assert.Equal("sale", first.GetProperty("disposition").GetString());
        Assert.Equal("Agent Records", first.GetProperty("agentName").GetString());
        Assert.Equal(10, first.GetProperty("waitSeconds").GetDouble());
        Assert.Equal(mix.Numbers["n1"], first.GetProperty("callerNumber").GetString());
        var overflowed = all.GetProperty("calls").EnumerateArray()
            .Single(x => x.GetProperty("callId").GetGuid() == c["c6"] && x.GetProperty("queueId").GetGuid() == mix.OverflowQueueId);
        Assert.Equal(mix.Numbers["n5"], overflowed.GetProperty("callerNumber").GetString()); // the call's number, from its first leg

        Assert.Equal(new HashSet<Guid> { c["c2"], c["c3"], c["c6"] }, CallIds(await PageAsync(mix, "&result=abandoned")));
        Assert.Equal(new HashSet<Guid> { c["c4"], c["c5"] }, CallIds(await PageAsync(mix, "&minTalkSeconds=180&maxTalkSeconds=300")));
        Assert.Equal([c["c5"]], CallIds(await PageAsync(mix, "&direction=outbound")));
        Assert.Equal(new HashSet<Guid> { c["c1"], c["c4"], c["c5"] }, CallIds(await PageAsync(mix, $"&agentId={mix.AgentId}")));
        Assert.Equal(new HashSet<Guid> { c["c2"], c["c6"] }, CallIds(await PageAsync(mix, "&minWaitSeconds=30&maxWaitSeconds=40")));
        Assert.Equal([c["c6"]], CallIds(await PageAsync(mix, $"&queueId={mix.OverflowQueueId}")));

        // Pages of 3, newest arrival first, every leg once.
        var pages = new List<JsonElement>();
        for (var page = 1; page <= 3; page++)
        {
            pages.Add(await PageAsync(mix, $"&pageSize=3&page={page}"));
        }
        Assert.Equal([3, 3, 1], pages.Select(p => p.GetProperty("calls").GetArrayLength()));
        Assert.All(pages, p => Assert.Equal(7, p.GetProperty("total").GetInt64()));
        var arrivals = pages.SelectMany(p => p.GetProperty("calls").EnumerateArray().Select(x => x.GetProperty("arrivedAt").GetDateTimeOffset())).ToList();
        Assert.Equal(arrivals.OrderByDescending(a => a), arrivals);

        var csv = Csv.Parse(await (await mix.Admin.GetAsync($"/api/reporting/calls?projectId={mix.ProjectId}&{Range(mix)}&format=csv")).Content.ReadAsByteArrayAsync());
        Assert.Equal(8, csv.Rows.Count); // the header and seven legs
        Assert.All(csv.Rows, r => Assert.Equal(csv.Header.Length, r.Length)); // an abandoned leg's empty agent name keeps its cell
        var row = csv.Row("CallId", c["c1"].ToString());
        Assert.Equal("'" + mix.Numbers["n1"], row["CallerNumber"]); // a leading + would make Excel compute it
        Assert.Equal("100", row["TalkSeconds"]);

        Assert.Equal(HttpStatusCode.BadRequest, (await mix.Admin.GetAsync("/api/reporting/calls?result=lost")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await mix.Admin.GetAsync("/api/reporting/calls?pageSize=100000")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await mix.Admin.GetAsync("/api/reporting/calls?minWaitSeconds=-1")).StatusCode);
    }

    [Fact]
    public async Task The_abandoned_caller_list_holds_the_numbers_nobody_reached_and_says_when_the_others_were_reached()
    {
        var mix = await PublishMixAsync();
        var notReached = await ListAsync(mix, "");
        Assert.Equal(new HashSet<string?> { mix.Numbers["n2"], mix.Numbers["n5"] }, notReached.Select(n => n.GetProperty("callerNumber").GetString()).ToHashSet());
        var n5 = notReached.Single(n => n.GetProperty("callerNumber").GetString() == mix.Numbers["n5"]);
        Assert.Equal(mix.OverflowQueueId, n5.GetProperty("lastQueueId").GetGuid());
        Assert.Equal(40, n5.GetProperty("longestWaitSeconds").GetDouble());
        Assert.Equal(JsonValueKind.Null, n5.GetProperty("reachedAt").ValueKind);

        var reached = Assert.Single(await ListAsync(mix, "&reached=yes"));
        Assert.Equal(mix.Numbers["n3"], reached.GetProperty("callerNumber").GetString());
        Assert.Equal(mix.T0.AddSeconds(610), reached.GetProperty("reachedAt").GetDateTimeOffset());
        Assert.Equal(mix.Calls["c4"], reached.GetProperty("reachedByCallId").GetGuid());
        Assert.Equal(3, (await ListAsync(mix, "&reached=all")).Count);
        Assert.Equal(HttpStatusCode.BadRequest, (await mix.Admin.GetAsync("/api/reporting/abandoned-callers?reached=maybe")).StatusCode);
    }

    private static async Task<List<JsonElement>> ListAsync(Mix mix, string query)
    {
        var response = await mix.Admin.GetAsync($"/api/reporting/abandoned-callers?projectId={mix.ProjectId}&{Range(mix)}{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).EnumerateArray().ToList();
    }

    [Fact]
    public async Task An_agents_report_over_a_range_counts_talk_by_direction_and_the_band_per_quarter_hour()
    {
        var mix = await PublishMixAsync();
        var report = await (await mix.Admin.GetAsync($"/api/reporting/agents/{mix.AgentId}/report?granularity=15m&{Range(mix)}")).JsonAsync();
        var rows = report.GetProperty("intervals").EnumerateArray().ToList();
        Assert.Equal(5, rows.Count); // from 5 minutes before T0 (its quarter hour, cut) to an hour after
        long Calls(int quarter) => rows.Single(r => r.GetProperty("start").GetDateTimeOffset() == mix.T0.AddMinutes(15 * quarter)).GetProperty("callsHandled").GetInt64();
        Assert.Equal([1, 2, 1, 0], new[] { Calls(0), Calls(1), Calls(2), Calls(3) }); // c1; c4 and c5; the own outbound call at +33:20
        var total = report.GetProperty("total");
        Assert.Equal(4, total.GetProperty("callsHandled").GetInt64());
        Assert.Equal(2, total.GetProperty("inboundCalls").GetInt64());
        Assert.Equal(2, total.GetProperty("outboundCalls").GetInt64());
        Assert.Equal(340, total.GetProperty("inboundTalkSeconds").GetDouble());
        Assert.Equal(380, total.GetProperty("outboundTalkSeconds").GetDouble());
        Assert.Equal(3, total.GetProperty("callsInBand").GetInt64()); // 240, 180 and 200 s
        Assert.Equal((340 + 380 + 90) / 4.0, total.GetProperty("averageHandleTime").GetDouble(), 10);
        Assert.Equal(1, total.GetProperty("contractsSigned").GetInt64());

        var month = await (await mix.Admin.GetAsync($"/api/reporting/agents/{mix.AgentId}/report?granularity=month&{Range(mix)}")).JsonAsync();
        Assert.Equal(total.ToString(), month.GetProperty("total").ToString());
        Assert.Equal(HttpStatusCode.BadRequest, (await mix.Admin.GetAsync($"/api/reporting/agents/{mix.AgentId}/report?granularity=year")).StatusCode);
    }

    [Fact]
    public async Task A_caller_who_hung_up_in_a_real_queue_is_listed_until_their_next_call_is_answered()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var number = QueueWorld.UniqueNumber();
        await CallMix.AbandonNumberAsync(world, number);
        await Eventually.HoldsAsync(async () => (await Listed(world, number, "no")) is not null, TimeSpan.FromSeconds(10), "the abandoned caller listed");

        var agent = await world.AddAgentAsync("Callback taker");
        await world.SetMembersAsync(agent);
        await QueueWorld.AvailableAsync(agent);
        var call = (await world.CallAsync(number)).GetProperty("callId").GetGuid();
        Assert.Equal(call, await world.WaitForOfferAsync(agent));
        Assert.True((await QueueWorld.AcceptAsync(agent, call)).IsSuccessStatusCode);
        await Eventually.HoldsAsync(async () => (await Listed(world, number, "yes"))?.GetProperty("reachedByCallId").GetGuid() == call,
            TimeSpan.FromSeconds(10), "the caller reached by their next call");
        Assert.Null(await Listed(world, number, "no"));
    }

    private static async Task<JsonElement?> Listed(QueueWorld world, string number, string reached)
    {
        var list = await (await world.Admin.GetAsync($"/api/reporting/abandoned-callers?projectId={world.ProjectId}&reached={reached}")).JsonAsync();
        return list.EnumerateArray().Where(n => n.GetProperty("callerNumber").GetString() == number).Select(n => (JsonElement?)n).FirstOrDefault();
    }
}

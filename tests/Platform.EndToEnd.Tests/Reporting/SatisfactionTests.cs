using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.Queue;
using Platform.Contracts.Scripts;
using Platform.EndToEnd.Tests.Scripts;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Reporting;

/// <summary>
/// CSAT through the gateway: a survey script's rating question walked by an agent reaches reporting as satisfaction, and a hand
/// count of ratings (two agents in two queues, an answer of another kind, one outside the range) gives the report per agent,
/// queue and project, and its CSV.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SatisfactionTests(PlatformUnderTest platform)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(30); // a bound, not a timing: the shared machine can be slow

    private static object Survey() => new
    {
        name = "After-call survey", mode = "strict", start = "csat",
        steps = new object[]
        {
            new { type = "question", id = "csat", text = "How satisfied are you with this call?", kind = "rating", next = "recommend" },
            new { type = "question", id = "recommend", text = "From 0 to 10, would you recommend us?", kind = "number", min = 0, max = 10, next = "bye" },
            new { type = "end", id = "bye", text = "Thank you." },
        },
    };

    [Fact]
    public async Task A_rating_question_walked_in_a_script_is_the_agents_satisfaction()
    {
        var world = await ScriptsWorld.CreateAsync(platform, projectName: "Survey after calls");
        await world.PublishedScriptAsync(Survey());
        var agent = await world.AgentAsync(); // assigned to the project: agents read only their projects' scripts
        var sessionId = (await world.StartSessionAsync(agent)).GetProperty("id").GetGuid();
        await ScriptsWorld.AnsweredAsync(agent, sessionId, "csat", 2);
        await ScriptsWorld.AnsweredAsync(agent, sessionId, "recommend", 5); // a number, not a rating: not satisfaction
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync($"/api/scripts/sessions/{sessionId}/complete", null)).StatusCode);

        JsonElement total = default;
        await Eventually.HoldsAsync(async () => (await world.Admin.GetAsync($"/api/reporting/satisfaction?by=project&projectId={world.ProjectId}"))
            is { IsSuccessStatusCode: true } r && (total = (await r.JsonAsync()).GetProperty("total")).GetProperty("responses").GetInt64() == 1,
            Soon, "reporting counts the rating");
        Assert.Equal((1L, 0L, 2.0, 0.0), (total.GetProperty("rating2").GetInt64(), total.GetProperty("satisfied").GetInt64(),
            total.GetProperty("averageRating").GetDouble(), total.GetProperty("csat").GetDouble()));
    }

    [Fact]
    public async Task Csat_per_agent_queue_and_project_matches_a_hand_count()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await (await tenant.Admin.CreateProjectAsync("Satisfaction")).CreatedIdAsync();
        await Eventually.HoldsAsync(async () => (await tenant.Admin.GetAsync($"/api/reporting/projects/{projectId}")).IsSuccessStatusCode,
            Soon, "reporting knows the project");
        var (t, p) = (tenant.Id, projectId);
        var (q1, q2, agentA, userA, agentB, userB) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var t0 = BusEvents.QuarterHoursAgo(3);
        var events = new List<Platform.Contracts.ITenantEvent>
        {
            new AgentChanged(t, agentA, userA, "Agent A", null, t0.AddMinutes(-5)),
            new AgentChanged(t, agentB, userB, "Agent B", null, t0.AddMinutes(-5)),
        };
        void Surveyed(Guid queue, Guid user, int minutes, params ScriptAnswer[] answers)
        {
            var call = Guid.NewGuid();
            events.Add(new CallQueued(t, call, queue, p, null, false, 0, 1, t0.AddMinutes(minutes), 20));
            events.Add(new ScriptSessionCompleted(t, Guid.NewGuid(), Guid.NewGuid(), 1, p, call, null, user, answers, [], null, "completed",
                t0.AddMinutes(minutes), t0.AddMinutes(minutes + 3)));
        }
        ScriptAnswer Rating(int rating) => new("csat", "How satisfied are you?", rating.ToString(System.Globalization.CultureInfo.InvariantCulture), "rating");
        Surveyed(q1, userA, 0, Rating(5));
        Surveyed(q1, userA, 10, Rating(4), new ScriptAnswer("nps", "Recommend us?", "9", "number"));
        Surveyed(q1, userA, 20, Rating(2));
        Surveyed(q2, userB, 5, Rating(3));
        Surveyed(q2, userB, 15, Rating(5));
        Surveyed(q2, userB, 90, Rating(1));                                                  // after the range
        Surveyed(q2, userB, 25, new ScriptAnswer("csat", "How satisfied are you?", "4"));    // no kind (an older scripts service): not a rating
        await new BusEvents(platform).PublishAsync([.. events]);
        var range = $"from={Uri.EscapeDataString(t0.ToString("O"))}&to={Uri.EscapeDataString(t0.AddHours(1).ToString("O"))}";
        async Task<JsonElement> ReportAsync(string by) =>
            await (await tenant.Admin.GetAsync($"/api/reporting/satisfaction?by={by}&projectId={p}&{range}")).JsonAsync();
        static long Responses(JsonElement report, Guid queue) =>
            report.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("queueId").ValueKind == JsonValueKind.String
                && r.GetProperty("queueId").GetGuid() == queue).Sum(r => r.GetProperty("responses").GetInt64());
        await Eventually.HoldsAsync(async () => await ReportAsync("queue") is var byQueue && Responses(byQueue, q1) == 3 && Responses(byQueue, q2) == 2,
            Soon, "every rating of the range counted, with its call's queue");

        var byAgent = (await ReportAsync("agent")).GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("agentName").GetString()!);
        Assert.Equal((3L, 2L, 1L), (byAgent["Agent A"].GetProperty("responses").GetInt64(), byAgent["Agent A"].GetProperty("satisfied").GetInt64(),
            byAgent["Agent A"].GetProperty("rating2").GetInt64()));
        Assert.Equal(2 / 3.0, byAgent["Agent A"].GetProperty("csat").GetDouble(), 10);           // 5 and 4 of 5, 4, 2
        Assert.Equal(11 / 3.0, byAgent["Agent A"].GetProperty("averageRating").GetDouble(), 10);
        Assert.Equal(agentA, byAgent["Agent A"].GetProperty("agentId").GetGuid());
        Assert.Equal(0.5, byAgent["Agent B"].GetProperty("csat").GetDouble(), 10);               // 5 of 3, 5
        Assert.Equal(4.0, byAgent["Agent B"].GetProperty("averageRating").GetDouble(), 10);

        var byQueue = (await ReportAsync("queue")).GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("queueId").GetGuid());
        Assert.Equal((3L, 2L), (byQueue[q1].GetProperty("responses").GetInt64(), byQueue[q2].GetProperty("responses").GetInt64()));
        var project = await ReportAsync("project");
        Assert.Equal(0.6, project.GetProperty("total").GetProperty("csat").GetDouble(), 10);       // 3 satisfied of 5
        Assert.Equal(3.8, project.GetProperty("total").GetProperty("averageRating").GetDouble(), 10); // 19 / 5
        var oneQueue = await (await tenant.Admin.GetAsync($"/api/reporting/satisfaction?by=agent&queueId={q2}&{range}")).JsonAsync();
        Assert.Equal(2, oneQueue.GetProperty("total").GetProperty("responses").GetInt64());

        var csv = Csv.Parse(await (await tenant.Admin.GetAsync($"/api/reporting/satisfaction?by=agent&projectId={p}&{range}&format=csv")).Content.ReadAsByteArrayAsync());
        Assert.Equal("0,6", csv.Row("ProjectId", "Total")["Csat"]);
        Assert.Equal("3", csv.Row("AgentName", "Agent A")["Responses"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await tenant.Admin.GetAsync($"/api/reporting/satisfaction?by=team&{range}")).StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.ServiceDefaults.Auth;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Scripts;

/// <summary>An agent walks a session through the gateway: answers, branches, objections, refusals that change nothing, completion.</summary>
[Collection(PlatformCollection.Name)]
public sealed class SessionWalkTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task An_agent_walks_a_branching_script_to_its_end_and_the_completion_is_published()
    {
        var world = await ScriptsWorld.CreateAsync(platform);
        var scriptId = await world.PublishedScriptAsync();
        var agent = await world.AgentAsync();
        var contactId = await (await world.Admin.PostAsJsonAsync($"/api/clients/projects/{world.ProjectId}/contacts", new
        {
            kind = "person", name = "Jana <b>Nováková</b>", phone = $"+420777{Random.Shared.Next(0, 1_000_000):D6}", timeZone = "Europe/Prague",
        })).CreatedIdAsync();
        await Eventually.HoldsAsync(async () =>
        {
            var probe = await world.StartSessionAsync(world.Admin, contactId);
            return probe.GetProperty("step").GetProperty("text").GetString()!.Contains("Nováková");
        }, TimeSpan.FromSeconds(15), "the scripts service knows the contact");

        var started = await world.StartSessionAsync(agent, contactId);
        var sessionId = started.GetProperty("id").GetGuid();
        Assert.Equal("greet", ScriptsWorld.CurrentStep(started));
        Assert.Contains("Jana &lt;b&gt;Nováková&lt;/b&gt;", started.GetProperty("step").GetProperty("html").GetString());
        Assert.Equal(1, started.GetProperty("version").GetInt32());

        await ScriptsWorld.AnsweredAsync(agent, sessionId, "greet");
        await ScriptsWorld.AnsweredAsync(agent, sessionId, "interest", "yes");
        var atOffer = await ScriptsWorld.AnsweredAsync(agent, sessionId, "age", 42);
        Assert.Equal("offer", ScriptsWorld.CurrentStep(atOffer));   // the branch on the age passed by itself
        var inHandler = await Jump(agent, sessionId, "price");
        Assert.Equal("price", ScriptsWorld.CurrentStep(inHandler));
        Assert.Equal("offer", ScriptsWorld.CurrentStep(await ScriptsWorld.AnsweredAsync(agent, sessionId, "price")));
        var atEnd = await ScriptsWorld.AnsweredAsync(agent, sessionId, "offer", "yes");
        Assert.Equal("bye-sale", ScriptsWorld.CurrentStep(atEnd));
        Assert.Equal("sale", atEnd.GetProperty("step").GetProperty("suggestedDisposition").GetString());

        var completed = await agent.PostAsync($"/api/scripts/sessions/{sessionId}/complete", null);
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        Assert.Equal("completed", (await completed.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await agent.PostAsync($"/api/scripts/sessions/{sessionId}/complete", null)).StatusCode);

        var events = await world.OutboxAsync("ScriptSessionCompleted");
        var done = Assert.Single(events, e => e.GetProperty("sessionId").GetGuid() == sessionId);
        Assert.Equal("completed", done.GetProperty("outcome").GetString());
        Assert.Equal("sale", done.GetProperty("suggestedDisposition").GetString());
        Assert.Equal(scriptId, done.GetProperty("scriptId").GetGuid());
        Assert.Equal(contactId, done.GetProperty("contactId").GetGuid());
        Assert.Equal(["greet", "interest", "age", "adult", "offer", "price", "offer", "bye-sale"],
            done.GetProperty("path").EnumerateArray().Select(p => p.GetProperty("stepId").GetString()));
        Assert.All(done.GetProperty("path").EnumerateArray(), p => Assert.True(p.GetProperty("seconds").GetDouble() >= 0));
        Assert.Equal([("interest", "Yes"), ("age", "42"), ("offer", "Yes, send it")],
            done.GetProperty("answers").EnumerateArray().Select(a => (a.GetProperty("stepId").GetString(), a.GetProperty("answer").GetString())));
        Assert.Single(await world.OutboxAsync("ScriptSessionStarted"), e => e.GetProperty("sessionId").GetGuid() == sessionId);
    }

    [Fact]
    public async Task Wrong_answers_and_answers_to_a_step_that_is_not_current_are_refused_and_change_nothing()
    {
        var world = await ScriptsWorld.CreateAsync(platform);
        await world.PublishedScriptAsync();
        var agent = await world.AgentAsync();
        var sessionId = (await world.StartSessionAsync(agent)).GetProperty("id").GetGuid();
        await ScriptsWorld.AnsweredAsync(agent, sessionId, "greet");
        var before = await (await agent.GetAsync($"/api/scripts/sessions/{sessionId}")).Content.ReadAsStringAsync();

        var refusals = new (HttpResponseMessage Response, HttpStatusCode Expected, string Field)[]
        {
            (await ScriptsWorld.AnswerAsync(agent, sessionId, "interest", "maybe"), HttpStatusCode.UnprocessableEntity, "answer"),
            (await ScriptsWorld.AnswerAsync(agent, sessionId, "interest", 42), HttpStatusCode.UnprocessableEntity, "answer"),
            (await ScriptsWorld.AnswerAsync(agent, sessionId, "interest", new[] { "yes", "no" }), HttpStatusCode.UnprocessableEntity, "answer"),
            (await ScriptsWorld.AnswerAsync(agent, sessionId, "interest"), HttpStatusCode.UnprocessableEntity, "answer"),
            (await ScriptsWorld.AnswerAsync(agent, sessionId, "age", 30), HttpStatusCode.Conflict, "stepId"),
            (await ScriptsWorld.AnswerAsync(agent, sessionId, "greet"), HttpStatusCode.Conflict, "stepId"),
            (await agent.PostAsJsonAsync($"/api/scripts/sessions/{sessionId}/jump", new { stepId = "offer" }), HttpStatusCode.Conflict, "stepId"),
            (await agent.PostAsJsonAsync($"/api/scripts/sessions/{sessionId}/jump", new { stepId = "adult" }), HttpStatusCode.UnprocessableEntity, "stepId"),
            (await agent.PostAsJsonAsync($"/api/scripts/sessions/{sessionId}/back", new { stepId = "greet" }), HttpStatusCode.Conflict, "stepId"),
        };

        foreach (var (response, expected, field) in refusals)
        {
            Assert.Equal(expected, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
        }
        Assert.Equal(before, await (await agent.GetAsync($"/api/scripts/sessions/{sessionId}")).Content.ReadAsStringAsync());
        var back = await agent.PostAsJsonAsync($"/api/scripts/sessions/{sessionId}/back", new { stepId = "interest" });
        Assert.Equal("greet", ScriptsWorld.CurrentStep(await back.JsonAsync()));
    }

    [Fact]
    public async Task A_guided_script_lets_the_agent_jump_and_closing_early_is_an_abandoned_session()
    {
        var world = await ScriptsWorld.CreateAsync(platform);
        await world.PublishedScriptAsync(ScriptsWorld.SalesCall(mode: "guided"));
        var agent = await world.AgentAsync();
        var sessionId = (await world.StartSessionAsync(agent)).GetProperty("id").GetGuid();

        Assert.Equal("offer", ScriptsWorld.CurrentStep(await Jump(agent, sessionId, "offer")));
        var closed = await agent.PostAsync($"/api/scripts/sessions/{sessionId}/complete", null);

        Assert.Equal("abandoned", (await closed.JsonAsync()).GetProperty("status").GetString());
        var done = Assert.Single(await world.OutboxAsync("ScriptSessionCompleted"), e => e.GetProperty("sessionId").GetGuid() == sessionId);
        Assert.Equal("abandoned", done.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, done.GetProperty("suggestedDisposition").ValueKind);
    }

    [Fact]
    public async Task An_agent_walks_their_own_sessions_only()
    {
        var world = await ScriptsWorld.CreateAsync(platform);
        await world.PublishedScriptAsync();
        var alice = await world.AgentAsync();
        var bob = await world.AgentAsync();
        var supervisor = await platform.CreateUserAsync(world.Tenant, [Roles.Supervisor]);
        var sessionId = (await world.StartSessionAsync(alice)).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/api/scripts/sessions/{sessionId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ScriptsWorld.AnswerAsync(bob, sessionId, "greet")).StatusCode);
        Assert.Equal(0, (await (await bob.GetAsync("/api/scripts/sessions")).JsonAsync()).GetArrayLength());
        Assert.Equal(1, (await (await alice.GetAsync("/api/scripts/sessions")).JsonAsync()).GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/scripts/sessions/{sessionId}")).StatusCode);
    }

    [Fact]
    public async Task A_project_without_a_published_script_has_no_session_to_start()
    {
        var world = await ScriptsWorld.CreateAsync(platform);
        await world.CreateScriptAsync();

        var response = await world.Admin.PostAsJsonAsync($"/api/scripts/projects/{world.ProjectId}/sessions", new { });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    private static async Task<JsonElement> Jump(HttpClient client, Guid sessionId, string stepId)
    {
        var response = await client.PostAsJsonAsync($"/api/scripts/sessions/{sessionId}/jump", new { stepId });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }
}

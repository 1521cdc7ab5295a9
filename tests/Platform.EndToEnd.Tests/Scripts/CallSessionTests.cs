using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.EndToEnd.Tests.Queue;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Scripts;

/// <summary>A call answered through the queue service opens a session on the project's active version, which it keeps.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CallSessionTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task An_answered_call_opens_a_session_on_the_active_version_which_it_keeps_after_a_new_publish()
    {
        var queue = await QueueWorld.CreateAsync(platform);
        await ScriptsWorld.KnowsProjectAsync(queue.Admin, queue.ProjectId);
        var scripts = new ScriptsWorld(platform, queue.Tenant, queue.ProjectId);
        var scriptId = await scripts.PublishedScriptAsync();
        var agent = await queue.AddAgentAsync("Alice Agent");
        await queue.SetMembersAsync(agent);
        await QueueWorld.AvailableAsync(agent);

        var first = await AnsweredCallAsync(queue, agent);
        var session = await SessionOfCallAsync(agent.Client, first);
        var sessionId = session.GetProperty("id").GetGuid();
        Assert.Equal(1, session.GetProperty("version").GetInt32());
        Assert.Equal(scriptId, session.GetProperty("scriptId").GetGuid());
        Assert.Contains("this is Alice Agent for Hotline", session.GetProperty("step").GetProperty("text").GetString());

        // The agent is renamed in the queue service: the open session names them by their new name.
        var userId = (await queue.AgentAsync(agent.Id)).GetProperty("userId").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await queue.Admin.PutAsJsonAsync($"/api/queue/agents/{agent.Id}", new { name = "Alice Novak", userId })).StatusCode);
        await Eventually.HoldsAsync(async () => (await (await agent.Client.GetAsync($"/api/scripts/sessions/{sessionId}")).JsonAsync())
            .GetProperty("step").GetProperty("text").GetString()!.Contains("this is Alice Novak"), TimeSpan.FromSeconds(15), "the agent's new name");
        await ScriptsWorld.AnsweredAsync(agent.Client, sessionId, "greet");

        // A new version is published while the call goes on: the running session keeps version 1.
        Assert.Equal(HttpStatusCode.OK, (await queue.Admin.PutAsJsonAsync($"/api/scripts/scripts/{scriptId}",
            ScriptsWorld.SalesCall(greeting: "Version two, {{agent.name}}."))).StatusCode);
        Assert.Equal(2, await scripts.PublishAsync(scriptId));
        await ScriptsWorld.AnsweredAsync(agent.Client, sessionId, "interest", "no");
        var running = await (await agent.Client.GetAsync($"/api/scripts/sessions/{sessionId}")).JsonAsync();
        Assert.Equal(1, running.GetProperty("version").GetInt32());
        Assert.Equal("bye-no", ScriptsWorld.CurrentStep(running));
        Assert.Equal(HttpStatusCode.OK, (await agent.Client.PostAsync($"/api/scripts/sessions/{sessionId}/complete", null)).StatusCode);
        var done = Assert.Single(await scripts.OutboxAsync("ScriptSessionCompleted"));
        Assert.Equal(first, done.GetProperty("callId").GetGuid());
        Assert.Equal(1, done.GetProperty("version").GetInt32());
        Assert.Equal("not_interested", done.GetProperty("suggestedDisposition").GetString());

        // The next call opens on version 2.
        Assert.Equal(HttpStatusCode.OK, (await QueueWorld.HangUpAsync(agent, first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await QueueWorld.WrapUpDoneAsync(agent, first)).StatusCode);
        var second = await AnsweredCallAsync(queue, agent);
        var next = await SessionOfCallAsync(agent.Client, second);
        Assert.Equal(2, next.GetProperty("version").GetInt32());
        Assert.Equal("Version two, Alice Novak.", next.GetProperty("step").GetProperty("text").GetString());
        var started = await scripts.OutboxAsync("ScriptSessionStarted");
        Assert.Equal([first, second], started.Select(e => e.GetProperty("callId").GetGuid()));
    }

    private static async Task<Guid> AnsweredCallAsync(QueueWorld queue, QueueWorld.Agent agent)
    {
        var callId = (await queue.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        Assert.Equal(callId, await queue.WaitForOfferAsync(agent));
        var accepted = await QueueWorld.AcceptAsync(agent, callId);
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
        return callId;
    }

    /// <summary>The agent's desktop finds the session the call opened, by the call's id.</summary>
    private static async Task<JsonElement> SessionOfCallAsync(HttpClient agent, Guid callId)
    {
        var sessionId = Guid.Empty;
        await Eventually.HoldsAsync(async () =>
        {
            var list = await (await agent.GetAsync($"/api/scripts/sessions?callId={callId}")).JsonAsync();
            sessionId = list.GetArrayLength() == 1 ? list[0].GetProperty("id").GetGuid() : Guid.Empty;
            return sessionId != Guid.Empty;
        }, TimeSpan.FromSeconds(15), $"a session for call {callId}");
        return await (await agent.GetAsync($"/api/scripts/sessions/{sessionId}")).JsonAsync();
    }
}

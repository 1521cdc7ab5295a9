using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.ServiceDefaults.Auth;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Scripts;

/// <summary>A session walked through the gateway reaches the two services that keep its product: the contact's answers (clients) and the step funnel (reporting).</summary>
[Collection(PlatformCollection.Name)]
public sealed class SessionAnswersReachTests(PlatformUnderTest platform)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_completed_session_lands_on_the_contact_and_in_the_scripts_funnel()
    {
        var world = await ScriptsWorld.CreateAsync(platform);
        var scriptId = await world.PublishedScriptAsync();
        var agent = await world.AgentAsync();
        var contactId = await (await world.Admin.PostAsJsonAsync($"/api/clients/projects/{world.ProjectId}/contacts",
            new { name = "Ilona Černá", phone = $"+420777{Random.Shared.Next(0, 1_000_000):D6}" })).CreatedIdAsync();
        await Eventually.HoldsAsync(async () => (await world.StartSessionAsync(world.Admin, contactId))
            .GetProperty("step").GetProperty("text").GetString()!.Contains("Černá"), Soon, "the scripts service knows the contact");

        var sessionId = (await world.StartSessionAsync(agent, contactId)).GetProperty("id").GetGuid();
        await ScriptsWorld.AnsweredAsync(agent, sessionId, "greet");
        await ScriptsWorld.AnsweredAsync(agent, sessionId, "interest", "yes");
        await ScriptsWorld.AnsweredAsync(agent, sessionId, "age", 35);
        await ScriptsWorld.AnsweredAsync(agent, sessionId, "offer", "no");
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync($"/api/scripts/sessions/{sessionId}/complete", null)).StatusCode);

        JsonElement kept = default;
        await Eventually.HoldsAsync(async () =>
        {
            var history = await (await world.Admin.GetAsync($"/api/clients/contacts/{contactId}/history")).JsonAsync();
            var answers = history.GetProperty("scriptAnswers");
            kept = answers.GetArrayLength() == 1 ? answers[0] : default;
            return answers.GetArrayLength() == 1;
        }, Soon, "the clients service keeps the answers on the contact");
        Assert.Equal((sessionId, scriptId, "completed"),
            (kept.GetProperty("sessionId").GetGuid(), kept.GetProperty("scriptId").GetGuid(), kept.GetProperty("outcome").GetString()));
        Assert.Equal(["interest", "age", "offer"], kept.GetProperty("answers").EnumerateArray().Select(a => a.GetProperty("stepId").GetString()));

        JsonElement funnel = default;
        await Eventually.HoldsAsync(async () => (await world.Admin.GetAsync($"/api/reporting/scripts/{scriptId}/funnel")) is { IsSuccessStatusCode: true } r
            && (funnel = await r.JsonAsync()).GetProperty("sessions").GetInt64() == 1, Soon, "reporting counts the session in the funnel");
        var steps = funnel.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("stepId").GetString()).ToList();
        Assert.Equal(["greet", "interest", "age"], steps.Take(3));
        Assert.Contains("offer", steps);
        Assert.Equal(1, funnel.GetProperty("completed").GetInt64());
    }
}

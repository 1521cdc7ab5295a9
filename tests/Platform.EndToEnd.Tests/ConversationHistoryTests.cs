using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Scripts;
using Platform.EndToEnd.Tests.Queue;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests;

/// <summary>What the other services say about a contact's conversations lands on the contact: handled calls and script answers.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ConversationHistoryTests(PlatformUnderTest platform)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_handled_call_of_a_known_caller_joins_the_contacts_history_with_its_durations()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var contactId = await (await world.Admin.PostAsJsonAsync($"/api/clients/projects/{world.ProjectId}/contacts",
            new { name = "Karel Dvořák", phone = "+420 608 111 222" })).CreatedIdAsync();
        var agent = await world.AddAgentAsync("Historian");
        await world.SetMembersAsync(agent);
        await Eventually.HoldsAsync(async () => (await world.CallAsync("+420608111222")).GetProperty("contactId").ValueKind != JsonValueKind.Null,
            Soon, "the queue service knows the contact");
        await using (var queue = platform.Database("queue"))
        {
            // the recognition probes above are still waiting: let the PBX end them so only the next call reaches the agent
            foreach (var waiting in await Dapper.SqlMapper.QueryAsync<Guid>(queue, "SELECT id FROM calls WHERE queue_id = @QueueId AND status = 'waiting'", new { world.QueueId }))
            {
                await world.Pbx.PostAsync($"/api/queue/calls/{waiting}/abandon", null);
            }
        }

        var callId = (await world.CallAsync("+420608111222")).GetProperty("callId").GetGuid();
        await QueueWorld.AvailableAsync(agent);
        Assert.Equal(callId, await world.WaitForOfferAsync(agent));
        Assert.Equal(HttpStatusCode.OK, (await QueueWorld.AcceptAsync(agent, callId)).StatusCode);
        await Task.Delay(1100);
        Assert.Equal(HttpStatusCode.OK, (await QueueWorld.HangUpAsync(agent, callId, holdSeconds: 0)).StatusCode);
        await QueueWorld.WrapUpDoneAsync(agent, callId);

        JsonElement history = default;
        await Eventually.HoldsAsync(async () =>
        {
            history = await (await world.Admin.GetAsync($"/api/clients/contacts/{contactId}/history")).JsonAsync();
            return history.GetProperty("calls").GetArrayLength() == 1;
        }, Soon, "the clients service keeps CallCompleted on the contact");
        var call = history.GetProperty("calls")[0];
        Assert.Equal(callId, call.GetProperty("callId").GetGuid());
        Assert.Equal(world.QueueId, call.GetProperty("queueId").GetGuid());
        Assert.Equal(agent.Id, call.GetProperty("agentId").GetGuid());
        Assert.InRange(call.GetProperty("talkSeconds").GetDouble(), 1.0, 60);
    }

    [Fact]
    public async Task Script_answers_land_on_the_contact_once_are_exported_and_go_with_an_erasure()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await (await tenant.Admin.CreateProjectAsync("Survey")).CreatedIdAsync();
        var contactId = await (await tenant.Admin.PostAsJsonAsync($"/api/clients/projects/{projectId}/contacts",
            new { name = "Věra Malá", phone = "+420 608 333 444" })).CreatedIdAsync();
        var completed = new ScriptSessionCompleted(tenant.Id, Guid.NewGuid(), Guid.NewGuid(), 3, projectId, null, contactId, null,
            [new ScriptAnswer("q1", "How satisfied are you?", "4"), new ScriptAnswer("q2", "Which products?", "internet; tv")],
            [new ScriptPathStep("intro", 5.5), new ScriptPathStep("q1", 7), new ScriptPathStep("q2", 9), new ScriptPathStep("end", 1)],
            "survey_done", "completed", DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);
        var bus = platform.Clients.Services.GetRequiredService<IBus>();
        var messageId = NewId.NextGuid();

        await bus.Publish(completed, context => context.MessageId = messageId);
        await bus.Publish(completed, context => context.MessageId = messageId); // redelivered: kept once

        JsonElement history = default;
        await Eventually.HoldsAsync(async () =>
        {
            history = await (await tenant.Admin.GetAsync($"/api/clients/contacts/{contactId}/history")).JsonAsync();
            return history.GetProperty("scriptAnswers").GetArrayLength() > 0;
        }, Soon, "the clients service keeps ScriptSessionCompleted on the contact");
        await Task.Delay(500);
        history = await (await tenant.Admin.GetAsync($"/api/clients/contacts/{contactId}/history")).JsonAsync();
        var kept = Assert.Single(history.GetProperty("scriptAnswers").EnumerateArray());
        Assert.Equal(("survey_done", 3), (kept.GetProperty("suggestedDisposition").GetString(), kept.GetProperty("version").GetInt32()));
        Assert.Equal(["4", "internet; tv"], kept.GetProperty("answers").EnumerateArray().Select(a => a.GetProperty("answer").GetString()));
        var export = await (await tenant.Admin.GetAsync($"/api/clients/contacts/{contactId}/export")).Content.ReadAsStringAsync();
        Assert.Contains("How satisfied are you?", export);

        Assert.Equal(HttpStatusCode.NoContent, (await tenant.Admin.DeleteAsync($"/api/clients/contacts/{contactId}")).StatusCode);
        await using var clients = platform.Database("clients");
        Assert.Equal(0L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(clients, "SELECT count(*) FROM script_answers WHERE contact_id = @contactId", new { contactId }));
    }
}

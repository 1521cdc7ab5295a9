using System.Net;
using System.Net.Http.Json;
using Platform.EndToEnd.Tests.Queue;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Reporting;

/// <summary>Drives real calls through the queue service with varied outcomes: handled (with hold and a recorded result), abandoned, left waiting.</summary>
internal static class CallMix
{
    public static readonly string[] Dispositions = ["meeting_set", "not_interested", "resolved", "callback"];

    public static async Task HandleAsync(QueueWorld world, IReadOnlyList<QueueWorld.Agent> agents, int calls)
    {
        for (var i = 0; i < calls; i++)
        {
            var callId = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
            QueueWorld.Agent? offered = null;
            await Eventually.HoldsAsync(async () =>
            {
                foreach (var agent in agents)
                {
                    if (await world.OfferOfAsync(agent) == callId)
                    {
                        offered = agent;
                        return true;
                    }
                }
                return false;
            }, TimeSpan.FromSeconds(10), $"call {i} offered");
            Assert.Equal(HttpStatusCode.OK, (await QueueWorld.AcceptAsync(offered!, callId)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await QueueWorld.HangUpAsync(offered!, callId, holdSeconds: i % 3)).StatusCode);
            await RecordOutcomeAsync(world, offered!, callId, Dispositions[i % Dispositions.Length]);
            Assert.Equal(HttpStatusCode.OK, (await QueueWorld.WrapUpDoneAsync(offered!, callId)).StatusCode);
        }
    }

    public static async Task AbandonAsync(QueueWorld world, int calls)
    {
        for (var i = 0; i < calls; i++)
        {
            var callId = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
            var abandoned = await world.Pbx.PostAsJsonAsync($"/api/queue/calls/{callId}/abandon", new { });
            Assert.True(abandoned.IsSuccessStatusCode, await abandoned.Content.ReadAsStringAsync());
        }
    }

    /// <summary>A call from <paramref name="number"/> that hangs up in the queue.</summary>
    public static async Task<Guid> AbandonNumberAsync(QueueWorld world, string number)
    {
        var callId = (await world.CallAsync(number)).GetProperty("callId").GetGuid();
        var abandoned = await world.Pbx.PostAsJsonAsync($"/api/queue/calls/{callId}/abandon", new { });
        Assert.True(abandoned.IsSuccessStatusCode, await abandoned.Content.ReadAsStringAsync());
        return callId;
    }

    private static async Task RecordOutcomeAsync(QueueWorld world, QueueWorld.Agent agent, Guid callId, string disposition)
    {
        var contact = await world.Admin.PostAsync($"/api/clients/projects/{world.ProjectId}/contacts", Security.Samples.Content("CreateContact"));
        var contactId = await contact.CreatedIdAsync();
        var next = disposition is "meeting_set" or "callback" ? DateTimeOffset.UtcNow.AddDays(2) : (DateTimeOffset?)null;
        var outcome = await agent.Client.PostAsJsonAsync($"/api/clients/contacts/{contactId}/outcomes",
            new { disposition, callId, durationSeconds = 200, nextContactAt = next });
        Assert.True(outcome.IsSuccessStatusCode, await outcome.Content.ReadAsStringAsync());
        if (disposition == "meeting_set")
        {
            var sale = await agent.Client.PostAsJsonAsync($"/api/clients/contacts/{contactId}/outcomes", new { disposition = "sale" }); // the contract is signed after the call: a call has one outcome
            Assert.True(sale.IsSuccessStatusCode, await sale.Content.ReadAsStringAsync());
        }
    }
}

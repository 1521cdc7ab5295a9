using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Queue;

/// <summary>A declined offer is an event reporting can count: on the desktop with the agent's reason, or on the phone.</summary>
[Collection(PlatformCollection.Name)]
public sealed class OfferDeclinedEventTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task Declines_on_the_desktop_and_on_the_phone_publish_OfferDeclined_with_the_reason()
    {
        var world = await QueueWorld.CreateAsync(platform);
        var first = await world.AddAgentAsync("Speaks no German");
        var second = await world.AddAgentAsync("Presses decline");
        await world.SetMembersAsync(first, second);
        await QueueWorld.AvailableAsync(first);
        var callId = (await world.CallAsync(QueueWorld.UniqueNumber())).GetProperty("callId").GetGuid();
        await world.WaitForOfferAsync(first);
        var declined = await first.Client.PostAsJsonAsync($"/api/queue/calls/{callId}/decline", new { reason = "Does not speak German" });
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        await QueueWorld.AvailableAsync(second);
        Assert.Equal(callId, await world.WaitForOfferAsync(second));
        var onPhone = await world.Pbx.PostAsJsonAsync($"/api/queue/calls/{callId}/ring-result", new { agentId = second.Id, result = "declined" });
        Assert.Equal(HttpStatusCode.OK, onPhone.StatusCode);

        await using var db = platform.Database("queue");
        var events = (await db.QueryAsync<string>(
            "SELECT body::text FROM outbox_messages WHERE tenant_id = @Id AND message_type LIKE '%.OfferDeclined' AND body->>'callId' = @call ORDER BY created_at, message_id",
            new { world.Tenant.Id, call = callId.ToString() })).Select(b => JsonDocument.Parse(b).RootElement).ToList();
        Assert.Equal([(first.Id, "Does not speak German", "desktop"), (second.Id, "declined on the phone", "phone")],
            events.Select(e => (e.GetProperty("agentId").GetGuid(), e.GetProperty("reason").GetString(), e.GetProperty("via").GetString())));
        Assert.All(events, e => Assert.Equal(world.QueueId, e.GetProperty("queueId").GetGuid()));
    }
}

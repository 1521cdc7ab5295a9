using System.Net;
using System.Text.Json;
using Dapper;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Queue;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Reporting;

/// <summary>An admin lists parked events and replays them through the gateway: counted once when the cause is gone, kept parked when not, audited either way.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ParkedEventsTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task A_replayed_parked_event_counts_once_when_its_cause_is_gone_and_stays_parked_when_not_and_each_replay_is_audited()
    {
        var tenant = await platform.CreateTenantAsync();
        await (await tenant.Admin.CreateProjectAsync("Parked")).CreatedIdAsync();
        var at = DateTimeOffset.UtcNow;
        // A poison event (an agent without a name) parks by itself, as it would from the bus.
        var poisonId = NewId.NextGuid();
        await platform.Reporting.Services.GetRequiredService<IBus>().Publish(new AgentChanged(tenant.Id, Guid.NewGuid(), null, null!, null, at),
            c => c.MessageId = poisonId);
        // A valid event parked earlier (by a fault since fixed): written as the consumer parks one.
        var fixedId = NewId.NextGuid();
        var agent = new AgentChanged(tenant.Id, Guid.NewGuid(), null, "Back from the park", null, at);
        await using (var db = platform.Database("reporting"))
        {
            await db.ExecuteAsync("""
                INSERT INTO parked_events (tenant_id, message_id, message_type, body, error) VALUES (@Tenant, @Id, @Type, CAST(@Body AS jsonb), 'a fault since fixed')
                """, new { Tenant = tenant.Id, Id = fixedId, Type = typeof(AgentChanged).FullName, Body = JsonSerializer.Serialize(agent, JsonSerializerOptions.Web) });
        }
        JsonElement list = default;
        await Eventually.HoldsAsync(async () => (list = await (await tenant.Admin.GetAsync("/api/reporting/projections/parked")).JsonAsync())
            .GetProperty("parked").GetArrayLength() == 2, TimeSpan.FromSeconds(15), "both events parked");
        Assert.Contains(list.GetProperty("parked").EnumerateArray(), p => p.GetProperty("messageId").GetGuid() == poisonId
            && p.GetProperty("body").GetProperty("agentId").GetGuid() != Guid.Empty && p.GetProperty("error").GetString()!.Length > 0);

        var date = at.ToString("yyyy-MM-dd");
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.Admin.GetAsync($"/api/reporting/agents/{agent.AgentId}/days/{date}")).StatusCode);
        var replayed = await (await tenant.Admin.PostAsync($"/api/reporting/projections/parked/{fixedId}/replay", null)).JsonAsync();
        Assert.Equal("counted", Assert.Single(replayed.EnumerateArray()).GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.OK, (await tenant.Admin.GetAsync($"/api/reporting/agents/{agent.AgentId}/days/{date}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.Admin.PostAsync($"/api/reporting/projections/parked/{fixedId}/replay", null)).StatusCode);

        var again = await (await tenant.Admin.PostAsync($"/api/reporting/projections/parked/{poisonId}/replay", null)).JsonAsync();
        var failed = Assert.Single(again.EnumerateArray());
        Assert.Equal("failed", failed.GetProperty("outcome").GetString());
        Assert.False(string.IsNullOrEmpty(failed.GetProperty("error").GetString()));

        list = await (await tenant.Admin.GetAsync("/api/reporting/projections/parked")).JsonAsync();
        Assert.Equal([poisonId], list.GetProperty("parked").EnumerateArray().Select(p => p.GetProperty("messageId").GetGuid()));
        var audit = list.GetProperty("replays").EnumerateArray().Select(r => (r.GetProperty("messageId").GetGuid(), r.GetProperty("outcome").GetString())).ToHashSet();
        Assert.Equal(new HashSet<(Guid, string?)> { (fixedId, "counted"), (poisonId, "failed") }, audit);
    }
}

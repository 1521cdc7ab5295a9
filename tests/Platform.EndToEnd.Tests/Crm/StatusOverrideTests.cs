using System.Net;
using System.Net.Http.Json;
using Platform.ServiceDefaults.Auth;
using Platform.Testing;
using Xunit;
using static Platform.EndToEnd.Tests.Crm.CrmWorld;

namespace Platform.EndToEnd.Tests.Crm;

/// <summary>A supervisor sets a contact's status by hand with a reason, audited in the card's history; do-not-call stays final.</summary>
[Collection(PlatformCollection.Name)]
public sealed class StatusOverrideTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task A_supervisors_override_moves_the_contact_reopens_it_and_is_in_its_history_with_who_when_from_to_and_why()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await ProjectAsync(tenant, "Overrides", null);
        (await tenant.Admin.PutAsJsonAsync($"/api/clients/projects/{projectId}/recycling", new { maxAttempts = 1, maxAttemptsPerDay = 1 })).EnsureSuccessStatusCode();
        var contactId = (await ContactAsync(tenant, projectId, "Closed lead", "777 350 001", consent: true)).GetProperty("id").GetGuid();
        var closed = await (await tenant.Admin.PostAsJsonAsync($"/api/clients/contacts/{contactId}/outcomes", new { disposition = "no_answer" })).JsonAsync();
        Assert.NotNull(closed.GetProperty("contact").GetProperty("closedReason").GetString());
        var supervisor = await platform.CreateUserAsync(tenant, [Roles.Supervisor]);
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        var overridden = await supervisor.PostAsJsonAsync($"/api/clients/contacts/{contactId}/status-override",
            new { status = "hot_potential", reason = "Wrote in asking for an offer" });

        Assert.Equal(HttpStatusCode.OK, overridden.StatusCode);
        var card = await overridden.JsonAsync();
        Assert.Equal("hot_potential", card.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, card.GetProperty("closedReason").ValueKind);
        var move = (await (await tenant.Admin.GetAsync($"/api/clients/contacts/{contactId}/history")).JsonAsync())
            .GetProperty("statusMoves").EnumerateArray().Single(m => m.GetProperty("reason").GetString()!.StartsWith("status override", StringComparison.Ordinal));
        Assert.Equal(("potential", "hot_potential"), (move.GetProperty("from").GetString(), move.GetProperty("to").GetString()));
        Assert.Equal(UserIdOf(supervisor), move.GetProperty("byUser").GetGuid());
        Assert.InRange(move.GetProperty("at").GetDateTimeOffset(), before, DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.Equal("status override by a supervisor: Wrote in asking for an offer", move.GetProperty("reason").GetString());
        Assert.Contains(contactId, await PlannedAsync(tenant, projectId));
    }

    [Fact]
    public async Task Do_not_call_is_neither_lifted_nor_set_by_an_override_and_agents_may_not_override()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await ProjectAsync(tenant, "Overrides", null);
        var listed = (await ContactAsync(tenant, projectId, "Never again", "777 350 002")).GetProperty("id").GetGuid();
        var other = (await ContactAsync(tenant, projectId, "Someone", "777 350 003")).GetProperty("id").GetGuid();
        (await tenant.Admin.PostAsJsonAsync($"/api/clients/contacts/{listed}/outcomes", new { disposition = "do_not_call" })).EnsureSuccessStatusCode();
        var agent = await platform.CreateUserAsync(tenant, [Roles.Agent]);
        await AssignAgentAsync(tenant, agent, projectId);

        var lift = await tenant.Admin.PostAsJsonAsync($"/api/clients/contacts/{listed}/status-override", new { status = "potential", reason = "Changed their mind?" });
        var set = await tenant.Admin.PostAsJsonAsync($"/api/clients/contacts/{other}/status-override", new { status = "do_not_call", reason = "Said so" });
        var same = await tenant.Admin.PostAsJsonAsync($"/api/clients/contacts/{other}/status-override", new { status = "potential", reason = "Nothing" });
        var byAgent = await agent.PostAsJsonAsync($"/api/clients/contacts/{other}/status-override", new { status = "accompanied", reason = "Signed" });

        Assert.Equal(HttpStatusCode.Conflict, lift.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, set.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, same.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
        Assert.Equal(("do_not_call", "potential"), (await StatusAsync(tenant, listed), await StatusAsync(tenant, other)));
    }
}

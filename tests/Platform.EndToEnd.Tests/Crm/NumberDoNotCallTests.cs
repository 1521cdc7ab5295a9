using System.Net;
using System.Net.Http.Json;
using Platform.Testing;
using Xunit;
using static Platform.EndToEnd.Tests.Crm.CrmWorld;

namespace Platform.EndToEnd.Tests.Crm;

/// <summary>A do-not-call request binds the number in the client company it was made to (or the whole call center), not one contact row.</summary>
[Collection(PlatformCollection.Name)]
public sealed class NumberDoNotCallTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task A_do_not_call_outcome_binds_the_number_in_every_project_of_the_client_company_and_no_other_company()
    {
        var tenant = await platform.CreateTenantAsync();
        var (acme, globex) = (await CompanyAsync(tenant, "Acme"), await CompanyAsync(tenant, "Globex"));
        var (hotline, winback, rival) = (await ProjectAsync(tenant, "Acme hotline", acme), await ProjectAsync(tenant, "Acme winback", acme),
            await ProjectAsync(tenant, "Globex sales", globex));
        var asked = (await ContactAsync(tenant, hotline, "Eva Dvořáková", "777 810 001")).GetProperty("id").GetGuid();
        var sameSeller = (await ContactAsync(tenant, winback, "Eva D.", "777 810 001", consent: true)).GetProperty("id").GetGuid();
        var otherSeller = (await ContactAsync(tenant, rival, "Eva Dvořáková", "777 810 001", consent: true)).GetProperty("id").GetGuid();

        (await tenant.Admin.PostAsJsonAsync($"/api/clients/contacts/{asked}/outcomes", new { disposition = "do_not_call" })).EnsureSuccessStatusCode();

        Assert.Equal("do_not_call", await StatusAsync(tenant, sameSeller));
        Assert.Contains(await WhyNotAsync(tenant, sameSeller), r => r.Contains("do-not-call list"));
        Assert.DoesNotContain(sameSeller, await PlannedAsync(tenant, winback));
        Assert.Equal("potential", await StatusAsync(tenant, otherSeller));
        Assert.Contains(otherSeller, await PlannedAsync(tenant, rival));
        var history = await (await tenant.Admin.GetAsync($"/api/clients/contacts/{sameSeller}/history")).JsonAsync();
        Assert.Contains("do-not-call list", history.GetProperty("statusMoves").EnumerateArray().Last().GetProperty("reason").GetString());

        // Every way in consults the list: a third Acme project, by hand and by import.
        var third = await ProjectAsync(tenant, "Acme survey", acme);
        var byHand = await ContactAsync(tenant, third, "Eva", "+420777810001");
        Assert.Equal("do_not_call", byHand.GetProperty("status").GetString());
        var other = await ProjectAsync(tenant, "Acme upsell", acme);
        var job = await ImportAsync(tenant, other, "name,phone\nEva,777 810 001\nNew lead,777 810 002\n");
        Assert.Equal(("done", 2, 1), (job.GetProperty("status").GetString(), job.GetProperty("imported").GetInt32(), job.GetProperty("doNotCall").GetInt32()));
    }

    [Fact]
    public async Task A_request_for_the_whole_call_center_binds_every_company_and_a_number_not_yet_a_contact()
    {
        var tenant = await platform.CreateTenantAsync();
        var (acme, globex) = (await CompanyAsync(tenant, "Acme"), await CompanyAsync(tenant, "Globex"));
        var (hotline, rival) = (await ProjectAsync(tenant, "Acme hotline", acme), await ProjectAsync(tenant, "Globex sales", globex));
        var elsewhere = (await ContactAsync(tenant, rival, "Karel Novák", "777 810 011")).GetProperty("id").GetGuid();

        var agent = await platform.CreateUserAsync(tenant, ["agent"]);
        await AssignAgentAsync(tenant, agent, hotline);
        var recorded = await agent.PostAsJsonAsync($"/api/clients/projects/{hotline}/do-not-call",
            new { phone = "777810011", scope = "call_center", source = "Letter of 2026-11-20" });
        var notYet = await agent.PostAsJsonAsync($"/api/clients/projects/{hotline}/do-not-call",
            new { phone = "777 810 012", source = "E-mail to the hotline" });

        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var answer = await recorded.JsonAsync();
        Assert.Equal(("+420777810011", "call_center", 1), (answer.GetProperty("phone").GetString(), answer.GetProperty("scope").GetString(),
            answer.GetProperty("contactsMoved").GetInt32()));
        Assert.Equal("do_not_call", await StatusAsync(tenant, elsewhere));
        Assert.Equal("client_company", (await notYet.JsonAsync()).GetProperty("scope").GetString());
        Assert.Equal("do_not_call", (await ContactAsync(tenant, hotline, "Later", "777 810 012")).GetProperty("status").GetString());
        Assert.Equal("potential", (await ContactAsync(tenant, rival, "Later", "777 810 012")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_bad_request_is_refused_whole_and_binds_nothing()
    {
        var tenant = await platform.CreateTenantAsync();
        var acme = await CompanyAsync(tenant, "Acme");
        var hotline = await ProjectAsync(tenant, "Acme hotline", acme);

        var badScope = await tenant.Admin.PostAsJsonAsync($"/api/clients/projects/{hotline}/do-not-call", new { phone = "777 810 021", scope = "everyone", source = "x" });
        var noSource = await tenant.Admin.PostAsJsonAsync($"/api/clients/projects/{hotline}/do-not-call", new { phone = "777 810 021" });
        var badOutcomeScope = await tenant.Admin.PostAsJsonAsync(
            $"/api/clients/contacts/{(await ContactAsync(tenant, hotline, "Jan", "777 810 022")).GetProperty("id").GetGuid()}/outcomes",
            new { disposition = "do_not_call", doNotCallScope = "galaxy" });

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], [badScope.StatusCode, noSource.StatusCode, badOutcomeScope.StatusCode]);
        Assert.Equal("potential", (await ContactAsync(tenant, hotline, "Jana", "777 810 021")).GetProperty("status").GetString());
        Assert.Equal("potential", (await ContactAsync(tenant, await ProjectAsync(tenant, "Acme two", acme), "Jan", "777 810 022")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Editing_the_phone_of_a_do_not_call_contact_keeps_the_old_number_blocked_and_the_history_tells_who_changed_what()
    {
        var tenant = await platform.CreateTenantAsync();
        var acme = await CompanyAsync(tenant, "Acme");
        var hotline = await ProjectAsync(tenant, "Acme hotline", acme);
        var contactId = (await ContactAsync(tenant, hotline, "Eva", "777 810 031")).GetProperty("id").GetGuid();
        (await tenant.Admin.PostAsJsonAsync($"/api/clients/contacts/{contactId}/outcomes", new { disposition = "do_not_call" })).EnsureSuccessStatusCode();

        var agent = await platform.CreateUserAsync(tenant, ["agent"]);
        await AssignAgentAsync(tenant, agent, hotline);
        var agentId = UserIdOf(agent);
        var edited = await agent.PutAsJsonAsync($"/api/clients/contacts/{contactId}",
            new { name = "Eva Malá", phone = "777 810 032", customFields = new { segment = "gold" } });

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var winback = await ProjectAsync(tenant, "Acme winback", acme);
        Assert.Equal("do_not_call", (await ContactAsync(tenant, winback, "Old number", "777 810 031")).GetProperty("status").GetString());
        Assert.Equal("do_not_call", (await ContactAsync(tenant, winback, "New number", "777 810 032")).GetProperty("status").GetString());
        var changes = (await (await tenant.Admin.GetAsync($"/api/clients/contacts/{contactId}/history")).JsonAsync()).GetProperty("cardChanges")
            .EnumerateArray().Select(c => (c.GetProperty("field").GetString(), c.GetProperty("from").GetString(), c.GetProperty("to").GetString(),
                c.GetProperty("byUser").GetGuid())).ToList();
        Assert.Equal([("name", "Eva", "Eva Malá", agentId), ("phone", "+420777810031", "+420777810032", agentId),
            ("customFields.segment", null, "gold", agentId)], changes);

        Assert.Equal(HttpStatusCode.NoContent, (await tenant.Admin.DeleteAsync($"/api/clients/contacts/{contactId}")).StatusCode);
        await using var clients = platform.Database("clients");
        Assert.Equal(0L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(clients,
            "SELECT count(*) FROM contact_card_changes WHERE tenant_id = @Id AND (from_value IS NOT NULL OR to_value IS NOT NULL)", new { tenant.Id }));
    }
}

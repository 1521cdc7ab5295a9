using System.Net;
using System.Net.Http.Json;
using Dapper;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class PrivacyTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task Everything_held_about_a_contact_exports_and_erasure_removes_the_person_but_keeps_the_statistics()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await (await tenant.Admin.PostAsJsonAsync("/api/clients/projects",
            new { name = "Privacy", direction = "outbound", timeZone = "Europe/Prague" })).CreatedIdAsync();
        var contactId = await (await tenant.Admin.PostAsJsonAsync($"/api/clients/projects/{projectId}/contacts",
            new { name = "Eva Dvořáková", phone = "777 500 001", company = "Dvořák a syn", customFields = new { note = "prefers mornings" } })).CreatedIdAsync();
        await tenant.Admin.PostAsJsonAsync($"/api/clients/contacts/{contactId}/consents", new { purpose = "calls", granted = true, source = "call with Eva" });
        await tenant.Admin.PostAsJsonAsync($"/api/clients/contacts/{contactId}/outcomes", new { disposition = "not_interested", notes = "Eva said her husband decides", durationSeconds = 95 });

        var export = await (await tenant.Admin.GetAsync($"/api/clients/contacts/{contactId}/export")).JsonAsync();
        Assert.Equal("Eva Dvořáková", export.GetProperty("contact").GetProperty("name").GetString());
        Assert.Equal("call with Eva", export.GetProperty("consents")[0].GetProperty("source").GetString());
        Assert.Equal("Eva said her husband decides", export.GetProperty("history").GetProperty("outcomes")[0].GetProperty("notes").GetString());

        var erased = await tenant.Admin.DeleteAsync($"/api/clients/contacts/{contactId}");

        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.Admin.GetAsync($"/api/clients/contacts/{contactId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.Admin.GetAsync($"/api/clients/contacts/{contactId}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.Admin.DeleteAsync($"/api/clients/contacts/{contactId}")).StatusCode);
        Assert.Empty((await (await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}/contacts?phone=777500001")).JsonAsync()).EnumerateArray());

        await using var clients = platform.Database("clients");
        var row = await clients.QuerySingleAsync<string>("SELECT row_to_json(c)::text FROM contacts c WHERE id = @contactId", new { contactId });
        Assert.DoesNotContain("Eva", row);
        Assert.DoesNotContain("777500001", row);
        Assert.DoesNotContain("mornings", row);
        var outcome = await clients.QuerySingleAsync<(string Disposition, int Duration, string? Notes)>(
            "SELECT disposition_code, duration_seconds, notes FROM call_outcomes WHERE contact_id = @contactId", new { contactId });
        Assert.Equal(("not_interested", 95, (string?)null), outcome); // the statistic stays, the words go
        Assert.Equal("erased", await clients.ExecuteScalarAsync<string>("SELECT source FROM consents WHERE contact_id = @contactId", new { contactId }));
        Assert.Equal(1, await clients.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE tenant_id = @Id AND message_type LIKE '%.ContactErased'", new { tenant.Id }));
    }

    [Fact]
    public async Task An_agent_can_neither_export_nor_erase()
    {
        var tenant = await platform.CreateTenantAsync();
        var agent = await platform.CreateUserAsync(tenant, ["agent"]);
        var projectId = await (await tenant.Admin.PostAsJsonAsync("/api/clients/projects",
            new { name = "Privacy", direction = "outbound", timeZone = "Europe/Prague" })).CreatedIdAsync();
        var contactId = await (await tenant.Admin.PostAsJsonAsync($"/api/clients/projects/{projectId}/contacts", new { name = "X", phone = "777 500 002" })).CreatedIdAsync();
        await Crm.CrmWorld.AssignAgentAsync(tenant, agent, projectId);

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync($"/api/clients/contacts/{contactId}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.DeleteAsync($"/api/clients/contacts/{contactId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/api/clients/contacts/{contactId}")).StatusCode);
    }

    [Fact]
    public async Task A_finished_import_keeps_no_copy_of_the_uploaded_file()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await (await tenant.Admin.PostAsJsonAsync("/api/clients/projects",
            new { name = "Privacy", direction = "outbound", timeZone = "Europe/Prague" })).CreatedIdAsync();
        var importId = await (await tenant.Admin.PostAsync($"/api/clients/projects/{projectId}/imports",
            Security.Samples.CallList("name,phone\nSecret Person,777 500 003\n"))).CreatedIdAsync();
        await Eventually.HoldsAsync(async () => (await (await tenant.Admin.GetAsync($"/api/clients/imports/{importId}")).JsonAsync())
            .GetProperty("status").GetString() == "done", TimeSpan.FromSeconds(15), "the import finishes");

        await using var clients = platform.Database("clients");
        Assert.Equal(0, await clients.ExecuteScalarAsync<long>("SELECT count(*) FROM import_chunks WHERE import_id = @importId", new { importId }));
    }
}

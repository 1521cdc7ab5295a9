using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class ProjectSettingsTests(PlatformUnderTest platform)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(15);

    private static async Task<Guid> ChurnedContactAsync(TestTenant tenant, Guid projectId)
    {
        var contactId = await (await tenant.Admin.PostAsJsonAsync($"/api/clients/projects/{projectId}/contacts", new { name = "Jana", phone = "777 610 001" })).CreatedIdAsync();
        (await tenant.Admin.PostAsJsonAsync($"/api/clients/contacts/{contactId}/outcomes", new { disposition = "sale" })).EnsureSuccessStatusCode();
        (await tenant.Admin.PostAsJsonAsync($"/api/clients/contacts/{contactId}/outcomes", new { disposition = "contract_ended" })).EnsureSuccessStatusCode();
        return contactId;
    }

    [Fact]
    public async Task A_shorter_cooldown_after_onboarding_frees_the_clients_already_waiting()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await (await tenant.Admin.PostAsJsonAsync("/api/clients/projects",
            new { name = "Acme", direction = "outbound", timeZone = "Europe/Prague", cooldownDays = 30 })).CreatedIdAsync();
        var contactId = await ChurnedContactAsync(tenant, projectId);
        await Task.Delay(TimeSpan.FromSeconds(2)); // sweeps that find nothing due
        Assert.Equal("churned", (await (await tenant.Admin.GetAsync($"/api/clients/contacts/{contactId}")).JsonAsync()).GetProperty("status").GetString());

        var changed = await tenant.Admin.PutAsJsonAsync($"/api/clients/projects/{projectId}", new { name = "Acme winback", cooldownDays = 0 });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var project = await changed.JsonAsync();
        Assert.Equal(("Acme winback", 0), (project.GetProperty("name").GetString(), project.GetProperty("cooldownDays").GetInt32()));
        Assert.Equal("outbound", project.GetProperty("direction").GetString());
        await Eventually.HoldsAsync(async () =>
                (await (await tenant.Admin.GetAsync($"/api/clients/contacts/{contactId}")).JsonAsync()).GetProperty("status").GetString() == "potential",
            Soon, "the sweep moves the churned contact under the new cooldown");
        Assert.Equal("Acme winback", (await (await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}")).JsonAsync()).GetProperty("name").GetString());
        await using var clients = platform.Database("clients");
        Assert.Equal(1, await clients.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE tenant_id = @Id AND message_type LIKE '%.ProjectUpdated'", new { tenant.Id }));
    }

    [Fact]
    public async Task A_longer_cooldown_makes_the_waiting_clients_wait_longer_counted_from_their_contract_end()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await (await tenant.Admin.PostAsJsonAsync("/api/clients/projects",
            new { name = "Acme", direction = "outbound", timeZone = "Europe/Prague", cooldownDays = 30 })).CreatedIdAsync();
        var contactId = await ChurnedContactAsync(tenant, projectId);
        var before = (await (await tenant.Admin.GetAsync($"/api/clients/contacts/{contactId}")).JsonAsync()).GetProperty("cooldownUntil").GetDateTime();

        (await tenant.Admin.PutAsJsonAsync($"/api/clients/projects/{projectId}", new { name = "Acme", cooldownDays = 45 })).EnsureSuccessStatusCode();

        var after = (await (await tenant.Admin.GetAsync($"/api/clients/contacts/{contactId}")).JsonAsync()).GetProperty("cooldownUntil").GetDateTime();
        Assert.Equal(before.AddDays(15), after, TimeSpan.FromHours(1)); // (a day of a DST change may be 23 or 25 hours)
    }

    [Fact]
    public async Task Wrong_settings_are_refused_field_by_field_and_change_nothing()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await (await tenant.Admin.PostAsJsonAsync("/api/clients/projects",
            new { name = "Acme", direction = "outbound", timeZone = "Europe/Prague", cooldownDays = 30 })).CreatedIdAsync();
        var agent = await platform.CreateUserAsync(tenant, ["agent"]);

        var wrong = await tenant.Admin.PutAsJsonAsync($"/api/clients/projects/{projectId}", new { name = "", cooldownDays = -5, country = "XX" });
        var noCompany = await tenant.Admin.PutAsJsonAsync($"/api/clients/projects/{projectId}", new { name = "Acme", cooldownDays = 10, clientCompanyId = Guid.NewGuid() });
        var byAgent = await agent.PutAsJsonAsync($"/api/clients/projects/{projectId}", new { name = "Mine", cooldownDays = 1 });
        var unknown = await tenant.Admin.PutAsJsonAsync($"/api/clients/projects/{Guid.NewGuid()}", new { name = "Ghost", cooldownDays = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var errors = (await wrong.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _) && errors.TryGetProperty("cooldownDays", out _) && errors.TryGetProperty("country", out _));
        Assert.Equal(HttpStatusCode.BadRequest, noCompany.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byAgent.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var project = await (await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}")).JsonAsync();
        Assert.Equal(("Acme", 30, "CZ"), (project.GetProperty("name").GetString(), project.GetProperty("cooldownDays").GetInt32(), project.GetProperty("country").GetString()));
    }

    [Fact]
    public async Task A_project_moves_to_another_client_company()
    {
        var tenant = await platform.CreateTenantAsync();
        var acme = await (await tenant.Admin.PostAsJsonAsync("/api/clients/companies", new { name = "Acme" })).CreatedIdAsync();
        var globex = await (await tenant.Admin.PostAsJsonAsync("/api/clients/companies", new { name = "Globex" })).CreatedIdAsync();
        var projectId = await (await tenant.Admin.PostAsJsonAsync("/api/clients/projects",
            new { name = "Hotline", direction = "inbound", timeZone = "Europe/Prague", clientCompanyId = acme })).CreatedIdAsync();

        var moved = await (await tenant.Admin.PutAsJsonAsync($"/api/clients/projects/{projectId}", new { name = "Hotline", cooldownDays = 90, clientCompanyId = globex })).JsonAsync();

        Assert.Equal("Globex", moved.GetProperty("clientCompanyName").GetString());
        Assert.Empty((await (await tenant.Admin.GetAsync($"/api/clients/companies/{acme}")).JsonAsync()).GetProperty("projects").EnumerateArray());
        Assert.Single((await (await tenant.Admin.GetAsync($"/api/clients/companies/{globex}")).JsonAsync()).GetProperty("projects").EnumerateArray());
    }
}

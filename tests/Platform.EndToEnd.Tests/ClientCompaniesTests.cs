using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class ClientCompaniesTests(PlatformUnderTest platform)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_client_company_is_onboarded_with_its_projects_in_one_call_each_and_lists_them()
    {
        var tenant = await platform.CreateTenantAsync();
        var companyId = await (await tenant.Admin.PostAsJsonAsync("/api/clients/companies", new { name = " Acme Energy " })).CreatedIdAsync();

        var hotline = await tenant.Admin.PostAsJsonAsync("/api/clients/projects",
            new { name = "Acme hotline", direction = "inbound", timeZone = "Europe/Prague", clientCompanyId = companyId });
        var campaign = await tenant.Admin.PostAsJsonAsync("/api/clients/projects",
            new { name = "Acme winback", direction = "outbound", timeZone = "Europe/Prague", clientCompanyId = companyId });
        await tenant.Admin.CreateProjectAsync("In-house project"); // a project of no company still onboards

        Assert.Equal(HttpStatusCode.Created, hotline.StatusCode);
        var project = await hotline.JsonAsync();
        Assert.Equal(companyId, project.GetProperty("clientCompanyId").GetGuid());
        Assert.Equal("Acme Energy", project.GetProperty("clientCompanyName").GetString());
        var company = await (await tenant.Admin.GetAsync($"/api/clients/companies/{companyId}")).JsonAsync();
        Assert.Equal("Acme Energy", company.GetProperty("name").GetString());
        Assert.Equal(["Acme hotline", "Acme winback"], company.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        var listed = await (await tenant.Admin.GetAsync("/api/clients/companies")).JsonAsync();
        Assert.Equal(2, Assert.Single(listed.EnumerateArray()).GetProperty("projects").GetArrayLength());
        await using var clients = platform.Database("clients");
        var created = await clients.QuerySingleAsync<string>(
            "SELECT body::text FROM outbox_messages WHERE tenant_id = @Id AND message_type LIKE '%.ProjectCreated' AND body::text LIKE '%Acme hotline%'",
            new { tenant.Id });
        Assert.Contains(companyId.ToString(), created); // the other services learn the company with the project
        // and they still set the project up as before
        var hotlineId = project.GetProperty("id").GetGuid();
        await Eventually.HoldsAsync(async () => (await tenant.Admin.GetAsync($"/api/queue/projects/{hotlineId}/queues")).StatusCode == HttpStatusCode.OK,
            Soon, "the queue service consumed ProjectCreated with its new members");
    }

    [Fact]
    public async Task A_company_can_be_renamed_but_never_to_another_company_name()
    {
        var tenant = await platform.CreateTenantAsync();
        var acme = await (await tenant.Admin.PostAsJsonAsync("/api/clients/companies", new { name = "Acme" })).CreatedIdAsync();
        await tenant.Admin.PostAsJsonAsync("/api/clients/companies", new { name = "Globex" });

        var duplicate = await tenant.Admin.PostAsJsonAsync("/api/clients/companies", new { name = "ACME" });
        var clash = await tenant.Admin.PutAsJsonAsync($"/api/clients/companies/{acme}", new { name = "globex" });
        var renamed = await tenant.Admin.PutAsJsonAsync($"/api/clients/companies/{acme}", new { name = "Acme Group" });
        var empty = await tenant.Admin.PutAsJsonAsync($"/api/clients/companies/{acme}", new { name = "  " });

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await empty.JsonAsync()).GetProperty("errors").TryGetProperty("name", out _));
        var names = (await (await tenant.Admin.GetAsync("/api/clients/companies")).JsonAsync()).EnumerateArray().Select(c => c.GetProperty("name").GetString());
        Assert.Equal(["Acme Group", "Globex"], names);
    }

    [Fact]
    public async Task A_project_cannot_name_a_company_the_call_center_does_not_have_and_nothing_is_written()
    {
        var tenant = await platform.CreateTenantAsync();
        var stranger = await platform.CreateTenantAsync();
        var strangersCompany = await (await stranger.Admin.PostAsJsonAsync("/api/clients/companies", new { name = "Not yours" })).CreatedIdAsync();

        var unknown = await tenant.Admin.PostAsJsonAsync("/api/clients/projects",
            new { name = "Lost", direction = "inbound", timeZone = "Europe/Prague", clientCompanyId = Guid.NewGuid() });
        var foreign = await tenant.Admin.PostAsJsonAsync("/api/clients/projects",
            new { name = "Borrowed", direction = "inbound", timeZone = "Europe/Prague", clientCompanyId = strangersCompany });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.True((await foreign.JsonAsync()).GetProperty("errors").TryGetProperty("clientCompanyId", out _));
        Assert.DoesNotContain("Not yours", await foreign.Content.ReadAsStringAsync());
        Assert.Empty((await (await tenant.Admin.GetAsync("/api/clients/projects")).JsonAsync()).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await tenant.Admin.GetAsync($"/api/clients/companies/{strangersCompany}")).StatusCode);
    }

    [Fact]
    public async Task A_client_viewer_sees_no_client_companies_and_an_agent_may_read_but_not_change_them()
    {
        var tenant = await platform.CreateTenantAsync();
        var companyId = await (await tenant.Admin.PostAsJsonAsync("/api/clients/companies", new { name = "Acme" })).CreatedIdAsync();
        var projectId = await (await tenant.Admin.PostAsJsonAsync("/api/clients/projects",
            new { name = "Acme hotline", direction = "inbound", timeZone = "Europe/Prague", clientCompanyId = companyId })).CreatedIdAsync();
        var viewer = await platform.CreateUserAsync(tenant, ["client_viewer"], [projectId]);
        var agent = await platform.CreateUserAsync(tenant, ["agent"]);
        await Crm.CrmWorld.AssignAgentAsync(tenant, agent, projectId); // an agent sees the companies of the projects they work on

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/clients/companies")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync($"/api/clients/companies/{companyId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/api/clients/companies/{companyId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PutAsJsonAsync($"/api/clients/companies/{companyId}", new { name = "Mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync("/api/clients/companies", new { name = "Mine" })).StatusCode);
    }
}

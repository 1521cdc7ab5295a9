using System.Net;
using System.Net.Http.Json;
using Platform.EndToEnd.Tests.Security;
using Platform.ServiceDefaults.Auth;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;
using static Platform.EndToEnd.Tests.Crm.CrmWorld;

namespace Platform.EndToEnd.Tests.Crm;

/// <summary>An outsourced call center serves competitors: an agent sees the CRM of the projects they work on, and nothing of the others.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ProjectScopeTests(PlatformUnderTest platform, ITestOutputHelper output)
{
    [Fact]
    public async Task An_agent_of_project_a_with_project_bs_ids_finds_nothing_anywhere_in_the_crm_and_changes_nothing()
    {
        var b = await TenantWorld.CreateAsync(platform); // project B, its contact, import, complaint, company
        var projectA = await ProjectAsync(b.Tenant, "Project A", null);
        var agent = await platform.CreateUserAsync(b.Tenant, [Roles.Agent]);
        await AssignAgentAsync(b.Tenant, agent, projectA);
        var operations = (await ApiSurface.OperationsAsync(platform.Gateway.CreateClient()))
            .Where(o => o.Document == "/openapi/clients.json" && Access.AllowedRoles[o.OperationId].Contains(Roles.Agent)).ToList();
        var before = await b.SnapshotAsync(operations);
        string[] traces = [b.ProjectId.ToString(), b.ContactId.ToString(), b.ImportId.ToString(), b.ComplaintId.ToString(), b.CompanyId.ToString()];

        var wrong = new List<string>();
        foreach (var operation in operations)
        {
            var body = operation.HasBody ? Samples.Content(operation.OperationId, b.Ids) : null;
            var request = operation.Request(b.Ids, body);
            var response = await agent.SweepAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var echoed = request.RequestUri!.OriginalString;
            if (operation.Parameters.Count > 0 && response.StatusCode != HttpStatusCode.NotFound)
            {
                wrong.Add($"{operation} with B's ids: {(int)response.StatusCode}, expected 404");
            }
            if (traces.FirstOrDefault(trace => text.Contains(trace) && !echoed.Contains(trace)) is { } trace)
            {
                wrong.Add($"{operation} answered with B's {trace}");
            }
        }

        output.WriteLine($"{operations.Count} CRM operations swept with an agent of project A against project B's ids");
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
        Assert.Equal(before, await b.SnapshotAsync(operations));
    }

    [Fact]
    public async Task An_agent_sees_the_projects_of_their_assignments_and_queues_and_loses_them_when_moved_off()
    {
        var tenant = await platform.CreateTenantAsync();
        var (projectA, projectB) = (await ProjectAsync(tenant, "Project A", null), await ProjectAsync(tenant, "Project B", null));
        var inA = (await ContactAsync(tenant, projectA, "Anna", "777 870 001")).GetProperty("id").GetGuid();
        var inB = (await ContactAsync(tenant, projectB, "Bára", "777 870 002")).GetProperty("id").GetGuid();
        var agent = await platform.CreateUserAsync(tenant, [Roles.Agent]);
        var supervisor = await platform.CreateUserAsync(tenant, [Roles.Supervisor]);

        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/api/clients/contacts/{inA}")).StatusCode); // no agent record: no project
        var agentId = await AssignAgentAsync(tenant, agent, projectA);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/api/clients/contacts/{inA}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/api/clients/contacts/{inB}")).StatusCode);
        Assert.Equal([projectA], (await (await agent.GetAsync("/api/clients/projects")).JsonAsync()).EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/clients/contacts/{inB}")).StatusCode);

        // A queue of project B makes it theirs too; taken off the queue and the assignment, A and B are gone.
        var queueB = (await (await tenant.Admin.GetAsync($"/api/queue/projects/{projectB}/queues")).JsonAsync())[0].GetProperty("id").GetGuid();
        (await tenant.Admin.PutAsJsonAsync($"/api/queue/queues/{queueB}/members", new[] { new { agentId, tier = 1 } })).EnsureSuccessStatusCode();
        await Eventually.HoldsAsync(async () => (await agent.GetAsync($"/api/clients/contacts/{inB}")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(15), "the queue's project reaches the CRM");
        (await tenant.Admin.PutAsJsonAsync($"/api/queue/queues/{queueB}/members", Array.Empty<object>())).EnsureSuccessStatusCode();
        (await tenant.Admin.PutAsJsonAsync($"/api/queue/agents/{agentId}/projects", Array.Empty<Guid>())).EnsureSuccessStatusCode();
        await Eventually.HoldsAsync(async () => (await agent.GetAsync($"/api/clients/contacts/{inA}")).StatusCode == HttpStatusCode.NotFound
            && (await agent.GetAsync($"/api/clients/contacts/{inB}")).StatusCode == HttpStatusCode.NotFound,
            TimeSpan.FromSeconds(15), "the moves off reach the CRM");
    }
}

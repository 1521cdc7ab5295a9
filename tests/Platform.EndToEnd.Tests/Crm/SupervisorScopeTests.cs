using System.Net;
using System.Net.Http.Json;
using Platform.EndToEnd.Tests.Security;
using Platform.ServiceDefaults.Auth;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;
using static Platform.EndToEnd.Tests.Crm.CrmWorld;

namespace Platform.EndToEnd.Tests.Crm;

/// <summary>A supervisor who leads groups sees the CRM of their groups' projects only; one who leads none sees every project.</summary>
[Collection(PlatformCollection.Name)]
public sealed class SupervisorScopeTests(PlatformUnderTest platform, ITestOutputHelper output)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(15);

    /// <summary>Makes the supervisor the leader of a group whose agent works on the projects, and waits until the CRM knows.</summary>
    private static async Task LeadGroupAsync(TestTenant tenant, HttpClient supervisor, Guid hiddenProject, params Guid[] projectIds)
    {
        foreach (var projectId in projectIds)
        {
            await Eventually.HoldsAsync(async () => (await tenant.Admin.GetAsync($"/api/queue/projects/{projectId}/queues")).IsSuccessStatusCode,
                Soon, "the queue service knows the project");
        }
        var groupId = await (await tenant.Admin.PostAsJsonAsync("/api/queue/groups",
            new { name = $"Team {Guid.NewGuid():N}"[..20], supervisorId = UserIdOf(supervisor) })).CreatedIdAsync();
        (await tenant.Admin.PostAsJsonAsync("/api/queue/agents", new { name = "Team agent", groupId, projectIds })).EnsureSuccessStatusCode();
        await Eventually.HoldsAsync(async () => (await supervisor.GetAsync($"/api/clients/projects/{hiddenProject}")).StatusCode == HttpStatusCode.NotFound,
            Soon, "the CRM knows the supervisor's group");
    }

    [Fact]
    public async Task A_supervisor_of_a_group_on_project_a_sees_a_and_nothing_of_b_while_one_without_a_group_sees_both()
    {
        var tenant = await platform.CreateTenantAsync();
        var (projectA, projectB) = (await ProjectAsync(tenant, "Project A", null), await ProjectAsync(tenant, "Project B", null));
        var inA = (await ContactAsync(tenant, projectA, "Anna", "777 340 001")).GetProperty("id").GetGuid();
        var inB = (await ContactAsync(tenant, projectB, "Bára", "777 340 002")).GetProperty("id").GetGuid();
        var (leader, floor) = (await platform.CreateUserAsync(tenant, [Roles.Supervisor]), await platform.CreateUserAsync(tenant, [Roles.Supervisor]));

        await LeadGroupAsync(tenant, leader, projectB, projectA);

        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/api/clients/contacts/{inA}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync($"/api/clients/contacts/{inB}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync($"/api/clients/contacts/{inB}/export")).StatusCode);
        Assert.Equal([projectA], (await (await leader.GetAsync("/api/clients/projects")).JsonAsync()).EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
        Assert.Equal(HttpStatusCode.OK, (await floor.GetAsync($"/api/clients/contacts/{inB}")).StatusCode);
        Assert.Equal(2, (await (await floor.GetAsync("/api/clients/projects")).JsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task A_supervisor_of_another_projects_group_with_project_bs_ids_finds_nothing_and_changes_nothing()
    {
        var b = await TenantWorld.CreateAsync(platform);
        var projectA = await ProjectAsync(b.Tenant, "Project A", null);
        var supervisor = await platform.CreateUserAsync(b.Tenant, [Roles.Supervisor]);
        await LeadGroupAsync(b.Tenant, supervisor, b.ProjectId, projectA);
        // Suppression lists belong to the call center, not to a project: their matches are filtered instead (below).
        var operations = (await ApiSurface.OperationsAsync(platform.Gateway.CreateClient()))
            .Where(o => o.Document == "/openapi/clients.json" && Access.AllowedRoles[o.OperationId].Contains(Roles.Supervisor)
                        && !o.OperationId.Contains("Suppression")).ToList();
        var before = await b.SnapshotAsync(operations);
        string[] traces = [b.ProjectId.ToString(), b.ContactId.ToString(), b.ImportId.ToString(), b.ComplaintId.ToString(), b.CompanyId.ToString()];

        var wrong = new List<string>();
        foreach (var operation in operations)
        {
            var body = operation.HasBody ? Samples.Content(operation.OperationId, b.Ids) : null;
            var request = operation.Request(b.Ids, body);
            var response = await supervisor.SweepAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (operation.Parameters.Count > 0 && response.StatusCode != HttpStatusCode.NotFound)
            {
                wrong.Add($"{operation} with B's ids: {(int)response.StatusCode}, expected 404");
            }
            if (traces.FirstOrDefault(trace => text.Contains(trace) && !request.RequestUri!.OriginalString.Contains(trace)) is { } trace)
            {
                wrong.Add($"{operation} answered with B's {trace}");
            }
        }
        var matches = await supervisor.GetAsync($"/api/clients/suppression-lists/{b.SuppressionListId}/matches");
        Assert.Equal(HttpStatusCode.OK, matches.StatusCode);
        Assert.Equal(0, (await matches.JsonAsync()).GetArrayLength());

        output.WriteLine($"{operations.Count} CRM operations swept with a supervisor of project A's group against project B's ids");
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
        Assert.Equal(before, await b.SnapshotAsync(operations));
    }
}

using System.Net;
using System.Net.Http.Json;
using Platform.EndToEnd.Tests.Security;
using Platform.ServiceDefaults.Auth;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;
using static Platform.EndToEnd.Tests.Crm.CrmWorld;

namespace Platform.EndToEnd.Tests.Scripts;

/// <summary>
/// An agent reads the scripts and script sessions of the projects they work on only (the CRM's rule, enforced in the
/// scripts service): with another project's ids every scripts operation answers 404 and changes nothing.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ScriptScopeTests(PlatformUnderTest platform, ITestOutputHelper output)
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task An_agent_moved_off_project_b_finds_nothing_of_bs_scripts_or_even_their_own_session_there_and_changes_nothing()
    {
        var b = await TenantWorld.CreateAsync(platform); // project B with a published script and a session
        var projectA = await ProjectAsync(b.Tenant, "Project A", null);
        var agent = await platform.CreateUserAsync(b.Tenant, [Roles.Agent]);
        var agentId = await AssignAgentAsync(b.Tenant, agent, b.ProjectId, projectA);
        // The agent's own session in B, opened while they worked on B: an agent walks their own sessions, but not B's any more.
        var ownInB = await (await agent.PostAsJsonAsync($"/api/scripts/projects/{b.ProjectId}/sessions", new { })).CreatedIdAsync();
        (await b.Tenant.Admin.PutAsJsonAsync($"/api/queue/agents/{agentId}/projects", new[] { projectA })).EnsureSuccessStatusCode();
        await Eventually.HoldsAsync(async () => (await agent.GetAsync($"/api/scripts/projects/{b.ProjectId}/active-script")).StatusCode == HttpStatusCode.NotFound,
            Soon, "the scripts service knows the agent works on A only");

        var operations = (await ApiSurface.OperationsAsync(platform.Gateway.CreateClient()))
            .Where(o => o.Document == "/openapi/scripts.json" && Access.AllowedRoles[o.OperationId].Contains(Roles.Agent)).ToList();
        var ids = new Dictionary<string, string>(b.Ids) { ["sessionId"] = ownInB.ToString() };
        var before = await b.SnapshotAsync(operations);
        string[] traces = [b.ProjectId.ToString(), b.Scripts!.ScriptId.ToString(), b.Scripts.SessionId.ToString(), ownInB.ToString()];

        var wrong = new List<string>();
        foreach (var operation in operations)
        {
            var request = operation.Request(ids, operation.HasBody ? Samples.Content(operation.OperationId, ids) : null);
            var response = await agent.SweepAsync(request);
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

        output.WriteLine($"{operations.Count} scripts operations swept with an agent of project A against project B's ids");
        Assert.True(operations.Count >= 10, $"only {operations.Count} scripts operations found for agents");
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
        Assert.Equal(before, await b.SnapshotAsync(operations));
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/api/scripts/projects/{projectA}/scripts")).StatusCode);
    }

    [Fact]
    public async Task A_supervisor_of_a_group_on_project_a_reads_as_scripts_and_sessions_not_bs_while_one_without_a_group_reads_both()
    {
        var world = await ScriptsWorld.CreateAsync(platform);
        var inA = await world.PublishedScriptAsync();
        var projectB = await ProjectAsync(world.Tenant, "Project B", null);
        await ScriptsWorld.KnowsProjectAsync(world.Admin, projectB);
        var inB = await world.CreateScriptAsync(projectId: projectB);
        await world.PublishAsync(inB);
        var sessionInB = (await (await world.Admin.PostAsJsonAsync($"/api/scripts/projects/{projectB}/sessions", new { })).CreatedIdAsync()).ToString();
        var (leader, floor) = (await platform.CreateUserAsync(world.Tenant, [Roles.Supervisor]), await platform.CreateUserAsync(world.Tenant, [Roles.Supervisor]));
        await Eventually.HoldsAsync(async () => (await world.Admin.GetAsync($"/api/queue/projects/{world.ProjectId}/queues")).IsSuccessStatusCode,
            Soon, "the queue service knows the project");
        var groupId = await (await world.Admin.PostAsJsonAsync("/api/queue/groups",
            new { name = $"Team {Guid.NewGuid():N}"[..20], supervisorId = UserIdOf(leader) })).CreatedIdAsync();
        (await world.Admin.PostAsJsonAsync("/api/queue/agents", new { name = "Team agent", groupId, projectIds = new[] { world.ProjectId } })).EnsureSuccessStatusCode();
        await Eventually.HoldsAsync(async () => (await leader.GetAsync($"/api/scripts/scripts/{inB}")).StatusCode == HttpStatusCode.NotFound,
            Soon, "the scripts service knows the supervisor's group");

        Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync($"/api/scripts/scripts/{inA}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync($"/api/scripts/projects/{projectB}/scripts")).StatusCode);
        var leadersList = await (await leader.GetAsync($"/api/scripts/sessions?projectId={projectB}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(sessionInB, leadersList);
        Assert.Equal(HttpStatusCode.OK, (await floor.GetAsync($"/api/scripts/scripts/{inB}")).StatusCode);
        Assert.Contains(sessionInB, await (await floor.GetAsync($"/api/scripts/sessions?projectId={projectB}")).Content.ReadAsStringAsync());
    }
}

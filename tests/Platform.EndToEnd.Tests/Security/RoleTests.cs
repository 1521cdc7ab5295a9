using System.Net;
using Platform.ServiceDefaults.Auth;
using Platform.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Platform.EndToEnd.Tests.Security;

[Collection(PlatformCollection.Name)]
public sealed class RoleTests(PlatformUnderTest platform, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_operation_is_listed_with_the_roles_that_may_call_it()
    {
        var operations = await ApiSurface.OperationsAsync(platform.Gateway.CreateClient());
        var ids = operations.Select(o => o.OperationId).Where(id => !Access.Anonymous.Contains(id)).ToHashSet();

        Assert.Empty(ids.Except(Access.AllowedRoles.Keys));   // a new operation needs its roles stated
        Assert.Empty(Access.AllowedRoles.Keys.Except(ids));   // and a removed one leaves no stale entry
    }

    [Fact]
    public async Task Each_role_reaches_what_it_should_and_nothing_more()
    {
        var world = await TenantWorld.CreateAsync(platform);
        var otherProject = await (await world.Tenant.Admin.CreateProjectAsync("Another client's project")).CreatedIdAsync();
        var clients = new Dictionary<string, HttpClient>
        {
            [Roles.Admin] = await platform.CreateUserAsync(world.Tenant, [Roles.Admin]),
            [Roles.Supervisor] = await platform.CreateUserAsync(world.Tenant, [Roles.Supervisor]),
            [Roles.Agent] = await platform.CreateUserAsync(world.Tenant, [Roles.Agent]),
            [Roles.ClientViewer] = await platform.CreateUserAsync(world.Tenant, [Roles.ClientViewer], [world.ProjectId]),
            [Roles.Telephony] = await platform.CreateUserAsync(world.Tenant, [Roles.Telephony]),
        };
        // The agent works on the world's project: the CRM shows an agent the projects they are assigned to only (Crm/ProjectScopeTests).
        await Crm.CrmWorld.AssignAgentAsync(world.Tenant, clients[Roles.Agent], world.ProjectId);
        var operations = (await ApiSurface.OperationsAsync(platform.Gateway.CreateClient()))
            .Where(o => !Access.Anonymous.Contains(o.OperationId)).ToList();

        var wrong = new List<string>();
        var calls = 0;
        foreach (var operation in operations)
        {
            foreach (var (role, client) in clients)
            {
                var ids = await world.IdsForAsync(operation.OperationId, client);
                var body = operation.HasBody ? Samples.Content(operation.OperationId, ids) : null;
                using var response = await client.SweepAsync(operation.Request(ids, body));
                calls++;
                var allowed = Access.AllowedRoles[operation.OperationId].Contains(role);
                var ok = allowed ? response.IsSuccessStatusCode : response.StatusCode == HttpStatusCode.Forbidden
                    && response.Content.Headers.ContentType?.MediaType == "application/problem+json";
                if (!ok)
                {
                    wrong.Add($"{role} on {operation}: {(int)response.StatusCode}, expected {(allowed ? "2xx" : "403 ProblemDetails")}");
                }
            }
        }

        // A client viewer reads the reports of the projects named in their account, and no other project exists for them.
        var viewer = clients[Roles.ClientViewer];
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/reporting/projects/{world.ProjectId}")).StatusCode);
        await Eventually.HoldsAsync(async () => (await world.Tenant.Admin.GetAsync($"/api/reporting/projects/{otherProject}")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(10), "reporting knows the other project");
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"/api/reporting/projects/{otherProject}")).StatusCode);

        output.WriteLine($"{operations.Count} operations x {clients.Count} roles = {calls} calls");
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task A_disabled_user_can_no_longer_sign_in()
    {
        var tenant = await platform.CreateTenantAsync();
        var created = await tenant.Admin.PostAsync("/api/users", Samples.Json(new
        {
            username = "leaver", displayName = "Leaver", password = "leaver-password-1", roles = new[] { Roles.Agent },
        }));
        var userId = await created.CreatedIdAsync();
        Assert.NotEmpty(await platform.SignInAsync(tenant.Slug, "leaver", "leaver-password-1"));

        var disabled = await tenant.Admin.PutAsync($"/api/users/{userId}", Samples.Json(new
        {
            displayName = "Leaver", roles = new[] { Roles.Agent }, disabled = true,
        }));

        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        var signIn = await platform.Gateway.CreateClient().PostAsync("/api/auth/token",
            Samples.Json(new { tenant = tenant.Slug, username = "leaver", password = "leaver-password-1" }));
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
    }
}

using System.Net;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class TenantIsolationTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task Another_tenant_gets_404_for_the_project_in_every_service()
    {
        var owner = await platform.CreateTenantAsync();
        var stranger = await platform.CreateTenantAsync();
        var projectId = await (await owner.Admin.CreateProjectAsync()).CreatedIdAsync();
        // Wait until every service knows the project, so a 404 below is isolation and not lag.
        string[] paths =
        [
            $"/api/clients/projects/{projectId}",
            $"/api/queue/projects/{projectId}/queues",
            $"/api/reporting/projects/{projectId}",
            $"/api/scripts/projects/{projectId}/scripts",
        ];
        foreach (var path in paths)
        {
            await Eventually.HoldsAsync(async () => (await owner.Admin.GetAsync(path)).IsSuccessStatusCode,
                TimeSpan.FromSeconds(5), $"owner sees {path}");
        }

        foreach (var path in paths)
        {
            var response = await stranger.Admin.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        var strangersProjects = await (await stranger.Admin.GetAsync("/api/clients/projects")).JsonAsync();
        Assert.Empty(strangersProjects.EnumerateArray());
    }

    [Fact]
    public async Task The_tenant_comes_from_the_token_not_from_the_request()
    {
        var owner = await platform.CreateTenantAsync();
        var stranger = await platform.CreateTenantAsync();

        // A tenant id smuggled into the query or the body is ignored: the project lands in the caller's tenant.
        var response = await stranger.Admin.PostAsync($"/api/clients/projects?tenantId={owner.Id}",
            System.Net.Http.Json.JsonContent.Create(new { name = "Smuggled", direction = "inbound", timeZone = "UTC", tenantId = owner.Id }));
        var projectId = await response.CreatedIdAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await owner.Admin.GetAsync($"/api/clients/projects/{projectId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stranger.Admin.GetAsync($"/api/clients/projects/{projectId}")).StatusCode);
    }
}

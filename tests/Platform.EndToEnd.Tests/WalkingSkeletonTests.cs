using System.Net;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class WalkingSkeletonTests(PlatformUnderTest platform)
{
    private static readonly TimeSpan EventDeadline = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_project_created_through_the_gateway_gets_a_default_queue_and_its_figures()
    {
        var tenant = await platform.CreateTenantAsync();

        var created = await tenant.Admin.CreateProjectAsync("Acme hotline", "inbound", "Europe/Prague");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var projectId = await created.CreatedIdAsync();
        Assert.Equal($"/api/clients/projects/{projectId}", created.Headers.Location?.OriginalString);

        HttpResponseMessage queues = null!;
        await Eventually.HoldsAsync(async () =>
            (queues = await tenant.Admin.GetAsync($"/api/queue/projects/{projectId}/queues")).StatusCode == HttpStatusCode.OK,
            EventDeadline, "the queue service lists the project's queues");
        var queue = Assert.Single((await queues.JsonAsync()).EnumerateArray());
        Assert.True(queue.GetProperty("isDefault").GetBoolean());
        Assert.Equal("Acme hotline inbound", queue.GetProperty("name").GetString());
        Assert.Equal("longest_idle", queue.GetProperty("strategy").GetString());

        HttpResponseMessage figures = null!;
        await Eventually.HoldsAsync(async () =>
            (figures = await tenant.Admin.GetAsync($"/api/reporting/projects/{projectId}")).StatusCode == HttpStatusCode.OK,
            EventDeadline, "the reporting service has the project's figures");
        var summary = await figures.JsonAsync();
        Assert.Equal("Acme hotline", summary.GetProperty("name").GetString());
        Assert.Equal(0, summary.GetProperty("callsOffered").GetInt64());

        await Eventually.HoldsAsync(async () =>
            (await tenant.Admin.GetAsync($"/api/scripts/projects/{projectId}/scripts")).StatusCode == HttpStatusCode.OK,
            EventDeadline, "the scripts service knows the project");
    }

    [Fact]
    public async Task The_created_project_reads_back_and_is_listed()
    {
        var tenant = await platform.CreateTenantAsync();
        var projectId = await (await tenant.Admin.CreateProjectAsync("Survey 2027", "outbound", "America/New_York")).CreatedIdAsync();

        var project = await (await tenant.Admin.GetAsync($"/api/clients/projects/{projectId}")).JsonAsync();
        Assert.Equal("Survey 2027", project.GetProperty("name").GetString());
        Assert.Equal("outbound", project.GetProperty("direction").GetString());
        Assert.Equal("America/New_York", project.GetProperty("timeZone").GetString());

        var listed = await (await tenant.Admin.GetAsync("/api/clients/projects")).JsonAsync();
        Assert.Equal(projectId, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Each_project_gets_exactly_one_default_queue()
    {
        var tenant = await platform.CreateTenantAsync();
        var first = await (await tenant.Admin.CreateProjectAsync("First")).CreatedIdAsync();
        var second = await (await tenant.Admin.CreateProjectAsync("Second")).CreatedIdAsync();

        foreach (var (projectId, name) in new[] { (first, "First inbound"), (second, "Second inbound") })
        {
            HttpResponseMessage queues = null!;
            await Eventually.HoldsAsync(async () =>
                (queues = await tenant.Admin.GetAsync($"/api/queue/projects/{projectId}/queues")).StatusCode == HttpStatusCode.OK,
                EventDeadline, $"queues of {name}");
            Assert.Equal(name, Assert.Single((await queues.JsonAsync()).EnumerateArray()).GetProperty("name").GetString());
        }
    }
}

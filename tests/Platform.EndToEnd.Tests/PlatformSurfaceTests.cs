using System.Net;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class PlatformSurfaceTests(PlatformUnderTest platform)
{
    [Theory]
    [InlineData("clients", "/api/clients/projects")]
    [InlineData("queue", "/api/queue/projects/{projectId}/queues")]
    [InlineData("scripts", "/api/scripts/projects/{projectId}/scripts")]
    [InlineData("reporting", "/api/reporting/projects/{projectId}")]
    public async Task The_gateway_serves_each_service_openapi_document(string service, string path)
    {
        var response = await platform.Gateway.CreateClient().GetAsync($"/openapi/{service}.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.JsonAsync();
        Assert.True(document.GetProperty("paths").TryGetProperty(path, out _), $"{service} documents {path}");
    }

    [Fact]
    public async Task Every_service_reports_live_and_ready()
    {
        foreach (var client in new[] { platform.Clients.CreateClient(), platform.Queue.CreateClient(), platform.Scripts.CreateClient(), platform.Reporting.CreateClient(), platform.Gateway.CreateClient() })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        }
    }

    [Fact]
    public async Task Every_service_exposes_prometheus_metrics()
    {
        var response = await platform.Queue.CreateClient().GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("# TYPE", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_correlation_id_given_at_the_gateway_comes_back_and_one_is_made_when_missing()
    {
        var tenant = await platform.CreateTenantAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/clients/projects");
        request.Headers.Add("X-Correlation-Id", "call-1234");
        var given = await tenant.Admin.SendAsync(request);
        var made = await tenant.Admin.GetAsync("/api/clients/projects");

        Assert.Equal("call-1234", Assert.Single(given.Headers.GetValues("X-Correlation-Id")));
        Assert.False(string.IsNullOrEmpty(Assert.Single(made.Headers.GetValues("X-Correlation-Id"))));
    }

    [Fact]
    public async Task An_unknown_path_gets_404_problem_details()
    {
        var tenant = await platform.CreateTenantAsync();
        var response = await tenant.Admin.GetAsync("/api/nowhere");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

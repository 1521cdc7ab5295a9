using System.Diagnostics;
using System.Net;
using Platform.Testing;
using Xunit;

namespace Platform.EndToEnd.Tests.Security;

[Collection(PlatformCollection.Name)]
public sealed class GatewayHardeningTests(PlatformUnderTest platform)
{
    [Fact]
    public async Task Every_answer_carries_the_security_headers()
    {
        var tenant = await platform.CreateTenantAsync();
        foreach (var response in new[]
                 {
                     await tenant.Admin.GetAsync("/api/clients/projects"),
                     await platform.Gateway.CreateClient().GetAsync("/api/clients/projects"), // 401
                     await tenant.Admin.GetAsync("/api/nowhere"),                             // 404
                 })
        {
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
            Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        }
    }

    [Fact]
    public async Task Browsers_may_call_the_api_only_from_the_platforms_own_pages()
    {
        var gateway = await platform.StartGatewayAsync(new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = "https://app.callcenter.example" });
        HttpRequestMessage Preflight(string origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Options, "/api/clients/projects");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "POST");
            request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
            return request;
        }

        var own = await gateway.CreateClient().SendAsync(Preflight("https://app.callcenter.example"));
        var foreign = await gateway.CreateClient().SendAsync(Preflight("https://evil.example"));

        Assert.Equal("https://app.callcenter.example", Assert.Single(own.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(foreign.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(own.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413_before_it_is_read()
    {
        var tenant = await platform.CreateTenantAsync();
        var response = await tenant.Admin.PostAsync("/api/clients/projects",
            new StringContent("{\"name\":\"" + new string('x', 1_100_000) + "\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_stopped_service_gets_503_at_once_not_a_hang()
    {
        // The queue cluster of this gateway points at a port where nothing listens, over real sockets.
        var gateway = await platform.StartGatewayAsync(new Dictionary<string, string?>
        {
            ["ReverseProxy:Clusters:queue:Destinations:primary:Address"] = "http://127.0.0.1:9/",
            ["ReverseProxy:Clusters:queue:HealthCheck:Active:Interval"] = "00:00:01",
        }, "queue");
        var tenant = await platform.CreateTenantAsync();
        var client = TestTenant.WithToken(gateway.CreateClient(), await platform.SignInAsync(tenant.Slug, "admin", tenant.Password));
        client.Timeout = TimeSpan.FromSeconds(10);
        var path = $"/api/queue/projects/{Guid.NewGuid()}/queues";

        await Eventually.HoldsAsync(async () => (await client.GetAsync(path)).StatusCode == HttpStatusCode.ServiceUnavailable,
            TimeSpan.FromSeconds(15), "the gateway takes the dead destination out and answers 503");
        var clock = Stopwatch.StartNew();
        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(clock.Elapsed < client.Timeout, "answered, not hung");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/clients/projects")).StatusCode); // the others go on
    }
}

using System.Net;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Platform.Faults.Tests.Support;
using Xunit;

namespace Platform.Faults.Tests.Secrets;

/// <summary>
/// The gateway's edge as a load balancer sees it: requests arrive from the proxy (loopback) naming the client in
/// X-Forwarded-For, or straight from somewhere else; the sign-in and anonymous limits count per real client, and the
/// gateway's /metrics answers only its scraper.
/// </summary>
public sealed class GatewayEdgeTests(GatewayEdgeTests.Edge edge) : IClassFixture<GatewayEdgeTests.Edge>
{
    public const string ScrapeToken = "a-scrape-token-for-the-tests";

    public sealed class Edge : IAsyncLifetime
    {
        public GatewayAlone Gateway { get; } = new(new Dictionary<string, string?>
        {
            ["RateLimits:SignInPerAddressPerMinute"] = "2",
            ["RateLimits:AnonymousPerAddressPerMinute"] = "3",
            ["Metrics:ScrapeToken"] = ScrapeToken,
        });

        public Task InitializeAsync() => Gateway.StartAsync();
        public Task DisposeAsync() => Gateway.DisposeAsync().AsTask();
    }

    private static readonly IPAddress Proxy = IPAddress.Loopback;

    private async Task<int> SendAsync(string method, string path, IPAddress from, string? forwardedFor, string? body = null, string? authorization = null)
    {
        var context = await edge.Gateway.Host.Server.SendAsync(c =>
        {
            c.Request.Method = method;
            c.Request.Path = path;
            c.Connection.RemoteIpAddress = from;
            if (forwardedFor is not null)
            {
                c.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }
            if (authorization is not null)
            {
                c.Request.Headers.Authorization = authorization;
            }
            if (body is not null)
            {
                var bytes = Encoding.UTF8.GetBytes(body);
                c.Request.ContentType = "application/json";
                c.Request.ContentLength = bytes.Length;
                c.Request.Body = new MemoryStream(bytes);
                c.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>(new HasBody());
            }
        });
        return context.Response.StatusCode;
    }

    private sealed class HasBody : Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }

    private static int lastClient;

    /// <summary>A client address no other request of this class used (a random one collided now and then with an address
    /// an earlier test had already taken over its limit: a 429 where a 401 was asked).</summary>
    private static string Client() => $"203.0.113.{Interlocked.Increment(ref lastClient)}";

    [Fact]
    public async Task Sign_in_attempts_count_per_forwarded_client_behind_the_proxy()
    {
        const string wrong = """{"tenant":"nobody","username":"nobody","password":"wrong-password"}""";
        var first = Client();
        var second = $"198.18.0.{Random.Shared.Next(1, 255)}";

        var attempts = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            attempts.Add(await SendAsync("POST", "/api/auth/token", Proxy, first, wrong));
        }

        Assert.Equal([401, 401, 429], attempts);
        Assert.Equal(401, await SendAsync("POST", "/api/auth/token", Proxy, second, wrong)); // another client behind the same proxy
    }

    [Fact]
    public async Task Anonymous_requests_are_limited_per_client_and_a_stranger_cannot_pick_an_address_with_the_header()
    {
        var client = Client();
        var answers = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await SendAsync("GET", "/api/users", Proxy, client));
        }
        Assert.Equal([401, 401, 401, 429], answers);

        // Not a known proxy: its X-Forwarded-For is ignored, every request counts against its own address.
        var stranger = IPAddress.Parse($"192.0.2.{Random.Shared.Next(1, 255)}");
        var spoofed = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            spoofed.Add(await SendAsync("GET", "/api/users", stranger, Client()));
        }
        Assert.Equal([401, 401, 401, 429], spoofed);
    }

    [Fact]
    public async Task The_gateways_metrics_answer_only_the_scraper()
    {
        Assert.Equal(401, await SendAsync("GET", "/metrics", Proxy, Client()));
        Assert.Equal(401, await SendAsync("GET", "/metrics", Proxy, Client(), authorization: "Bearer not-the-token"));
        Assert.Equal(200, await SendAsync("GET", "/metrics", Proxy, Client(), authorization: $"Bearer {ScrapeToken}"));
    }
}

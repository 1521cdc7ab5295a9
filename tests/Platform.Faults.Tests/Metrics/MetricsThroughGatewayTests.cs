using System.Net;
using Platform.Faults.Tests.Support;
using Platform.ServiceDefaults.Auth;
using Xunit;
using Xunit.Abstractions;

namespace Platform.Faults.Tests.Metrics;

/// <summary>
/// No path through the gateway reaches a service's <c>/metrics</c> (which answers anyone inside the cluster), whoever asks:
/// every service is a stub replica that says which path reached it, and the gateway is asked anonymously and as an admin
/// for the tricks a scraper from outside would try.
/// </summary>
public sealed class MetricsThroughGatewayTests(ITestOutputHelper output)
{
    private static readonly string[] Services = ["clients", "queue", "scripts", "reporting"];

    [Fact]
    public async Task No_path_through_the_gateway_reaches_a_services_metrics_anonymously_or_signed_in()
    {
        var stubs = Services.Select(s => new StubReplica(s)).ToList();
        try
        {
            foreach (var stub in stubs)
            {
                await stub.StartAsync();
            }
            await using var gateway = new GatewayAlone(Services.Zip(stubs).ToDictionary(
                p => $"ReverseProxy:Clusters:{p.First}:Destinations:primary:Address", p => (string?)p.Second.Address));
            await gateway.StartAsync();
            var admin = await gateway.AdminAsync([Roles.Admin]);
            var anonymous = gateway.Host.CreateClient();

            var paths = new List<string> { "/metrics", "/metrics/", "//metrics", "/METRICS", "/metrics?x=1" };
            foreach (var service in Services)
            {
                paths.AddRange([$"/api/{service}/metrics", $"/api/{service}/../../metrics", $"/api/{service}/%2e%2e/%2e%2e/metrics",
                                $"/api/{service}/..%2f..%2fmetrics", $"/api/{service}/%2fmetrics", $"/openapi/{service}.json/../../metrics"]);
            }
            var reached = new List<string>();
            var answers = new Dictionary<HttpStatusCode, int>();
            foreach (var (who, client) in new[] { ("anonymous", anonymous), ("admin", admin) })
            {
                foreach (var path in paths)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
                    using var response = await client.SendAsync(request);
                    answers[response.StatusCode] = answers.GetValueOrDefault(response.StatusCode) + 1;
                    if (response.Headers.TryGetValues("X-Received-Path", out var received))
                    {
                        var at = received.Single();
                        if (Uri.UnescapeDataString(at.Split('?')[0]).TrimEnd('/').Split('/').SkipWhile(p => p.Length == 0).FirstOrDefault()?.Equals("metrics", StringComparison.OrdinalIgnoreCase) == true)
                        {
                            reached.Add($"{who} {path} -> {at}");
                        }
                    }
                }
            }
            output.WriteLine($"{paths.Count * 2} requests for a service's /metrics through the gateway: {string.Join(", ", answers.Select(a => $"{a.Value} × {(int)a.Key}"))}; " +
                             $"{reached.Count} reached a service's /metrics");
            Assert.Empty(reached);
        }
        finally
        {
            stubs.ForEach(s => s.Dispose());
        }
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Gateway.Proxy;
using Xunit;
using Yarp.ReverseProxy.Health;

namespace Platform.Gateway.Tests.Proxy;

/// <summary>
/// The gateway's shipped cluster settings (gateway/appsettings.json) cannot keep a restarted replica out longer than the
/// active probe takes to see it healthy: YARP's defaults (a 60 s passive window) kept the only queue destination out for
/// about two minutes after it was ready again.
/// </summary>
public sealed class HealthCheckSettingsTests
{
    private static readonly TimeSpan MostBeforeServedAgain = TimeSpan.FromSeconds(5);

    private static IEnumerable<IConfigurationSection> Clusters()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "platform.sln")))
        {
            root = root.Parent;
        }
        var settings = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(root?.FullName ?? throw new InvalidOperationException("platform.sln not found"), "gateway", "appsettings.json"))
            .Build();
        var clusters = settings.GetSection("ReverseProxy:Clusters").GetChildren().ToList();
        Assert.NotEmpty(clusters);
        return clusters;
    }

    [Fact]
    public void Every_cluster_probes_actively_and_its_passive_check_never_outlasts_the_probe()
    {
        foreach (var cluster in Clusters())
        {
            var health = cluster.GetSection("HealthCheck");
            Assert.True(health.GetValue<bool>("Active:Enabled"), $"{cluster.Key}: no active health check");
            Assert.Equal("/health/serving", health["Active:Path"]);
            var interval = health.GetValue<TimeSpan>("Active:Interval");
            var timeout = health.GetValue<TimeSpan>("Active:Timeout");
            Assert.True(interval + timeout <= MostBeforeServedAgain,
                $"{cluster.Key}: a ready replica may wait {interval + timeout} for its first probe, more than {MostBeforeServedAgain}");
            Assert.True(health.GetValue<bool>("Passive:Enabled"), $"{cluster.Key}: no passive health check");
            var reactivation = health.GetValue<TimeSpan?>("Passive:ReactivationPeriod");
            Assert.True(reactivation is { } r && r <= interval,
                $"{cluster.Key}: passive reactivation {reactivation?.ToString() ?? "unset (YARP's default)"} outlasts the active interval {interval}");
            Assert.True(DestinationFailover.PassiveWindow <= interval,
                $"{cluster.Key}: the passive window {DestinationFailover.PassiveWindow} outlasts the active interval {interval}");
        }
    }

    [Fact]
    public void The_passive_check_counts_failures_of_its_short_window_only()
    {
        var services = new ServiceCollection();
        services.AddDestinationFailover();
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<TransportFailureRateHealthPolicyOptions>>().Value;

        Assert.Equal(DestinationFailover.PassiveWindow, options.DetectionWindowSize);
        Assert.NotEqual(new TransportFailureRateHealthPolicyOptions().DetectionWindowSize, options.DetectionWindowSize);
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Testing;
using Xunit;

namespace Platform.ServiceDefaults.Tests.Testing;

/// <summary>The hosts under test keep their warnings off the console, and a test that times out shows them.</summary>
public sealed class HostLogsTests
{
    [Fact]
    public async Task A_timeout_shows_what_the_hosts_logged_while_it_waited_and_nothing_from_before()
    {
        await using var app = StartHost();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Test.Host");
        var before = $"before-{Guid.NewGuid():N}";
        var during = $"during-{Guid.NewGuid():N}";
        logger.LogWarning("{Marker}", before);

        var failure = await Assert.ThrowsAsync<TimeoutException>(() => Eventually.HoldsAsync(() =>
        {
            logger.LogError(new InvalidOperationException("the broker went away"), "{Marker}", during);
            return Task.FromResult(false);
        }, TimeSpan.FromMilliseconds(200), "something that never holds"));

        Assert.Contains("something that never holds", failure.Message);
        Assert.Contains(during, failure.Message);
        Assert.Contains("the broker went away", failure.Message);
        Assert.DoesNotContain(before, failure.Message);
    }

    [Fact]
    public async Task Entries_below_the_hosts_level_are_not_kept()
    {
        await using var app = StartHost();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Test.Host");
        var mark = HostLogs.Mark();
        var info = $"info-{Guid.NewGuid():N}";
        var warning = $"warning-{Guid.NewGuid():N}";

        logger.LogInformation("{Marker}", info);
        logger.LogWarning("{Marker}", warning);

        var kept = HostLogs.Since(mark).Select(e => e.Message).ToList();
        Assert.Contains(warning, kept);
        Assert.DoesNotContain(info, kept);
    }

    private static WebApplication StartHost()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Configuration["Logging:LogLevel:Test.Host"] = "Warning";
        HostLogs.Replace(builder.Logging);
        return builder.Build();
    }
}

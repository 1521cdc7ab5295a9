using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.Testing;

/// <summary>
/// One service (or the gateway) in process, with its real start-up code, on real PostgreSQL and RabbitMQ. It logs into
/// <see cref="HostLogs"/> instead of the console, and its in-memory server honours the request body limits the endpoints set.
/// </summary>
public sealed class ServiceHost<TMarker>(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<TMarker> where TMarker : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(test =>
        {
            test.AddLogging(HostLogs.Replace);
            test.AddTransient<IStartupFilter, BodySizeLimitFeature.Filter>();
            services?.Invoke(test);
        });
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.ServiceDefaults.Health;

internal static class HealthExtensions
{
    /// <summary>Checks tagged <c>ready</c> decide readiness: the service's database here, the broker where MassTransit is added.</summary>
    public const string ReadyTag = "ready";

    public static void AddPlatformHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);

    /// <summary>
    /// <c>/health/live</c>: the process answers (no dependency is checked, so a broker outage never restarts pods).
    /// <c>/health/ready</c>: the database and the broker answer. Both anonymous, in every environment.
    /// </summary>
    public static void MapPlatformHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
    }
}

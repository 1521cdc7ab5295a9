using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.ServiceDefaults.Health;

internal static class HealthExtensions
{
    /// <summary>Checks that decide <c>/health/ready</c>: the database, the broker, MassTransit's receive endpoints.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Checks that decide <c>/health/serving</c>: the database only.</summary>
    public const string ServingTag = "serving";

    public static void AddPlatformHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag, ServingTag]);
        // Every check, every 5 s, into the platform.health.status gauge (HealthMetrics).
        services.Configure<HealthCheckPublisherOptions>(options =>
        {
            options.Delay = TimeSpan.FromSeconds(2);
            options.Period = TimeSpan.FromSeconds(5);
        });
        services.AddSingleton<IHealthCheckPublisher, HealthMetrics>();
    }

    /// <summary>
    /// <c>/health/live</c>: the process answers (nothing else is checked, so an outage elsewhere never restarts pods).
    /// <c>/health/ready</c>: the database and the broker answer, and the consumers are connected: a degraded check (MassTransit
    /// while its receive endpoints are not all connected) is 503 here, not 200 (monitoring, alerts).
    /// <c>/health/serving</c>: requests can be served, i.e. the database answers. The gateway and Kubernetes route
    /// by this one: while RabbitMQ is away, writes still succeed (their events wait in the outbox), so a broker
    /// outage must not take the API out of rotation. All three anonymous, in every environment.
    /// </summary>
    public static void MapPlatformHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).AllowAnonymous();
        app.MapHealthChecks("/health/serving", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ServingTag) }).AllowAnonymous();
    }
}

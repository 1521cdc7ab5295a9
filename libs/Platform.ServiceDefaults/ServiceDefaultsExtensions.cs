using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Health;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Telemetry;

namespace Platform.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>Logs, telemetry, ProblemDetails, OpenAPI, JWT auth, the service's own database and health checks.</summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, PlatformService service)
    {
        if (builder.Environment.IsProduction() && ProductionSecrets.Problems(builder.Configuration) is { Count: > 0 } problems)
        {
            throw new InvalidOperationException($"Refusing to start in Production: {string.Join(" ", problems)}");
        }
        builder.AddLocalDefaults();
        builder.Services.AddSingleton(service);
        builder.AddStructuredLogging();
        builder.AddPlatformTelemetry(service);
        builder.AddProblemDetailsForEveryError();
        builder.Services.AddSingleton(builder.Configuration.GetSection("RequestLimits").Get<RequestLimitOptions>() ?? new RequestLimitOptions());
        builder.Services.AddOpenApi();
        builder.AddPlatformAuthentication();
        builder.AddPlatformDatabase(service);
        builder.Services.AddPlatformHealthChecks();
        // A background job that fails (an import's error handler meeting a database outage) is logged and stops alone; it
        // never stops the host and its API with it. The jobs themselves retry their loop and resume (see docs/reliability.md).
        builder.Services.Configure<HostOptions>(options => options.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);
        // Calls between services (only where a user waits): timeouts, circuit breaker, and retries of safe methods only
        // (a POST that timed out may have happened; repeating it could do it twice).
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler(options => options.Retry.DisableForUnsafeHttpMethods()));
        return builder;
    }

    /// <summary>The middleware every service runs, and its health, metrics and OpenAPI endpoints.</summary>
    /// <param name="afterAuthentication">Middleware that must know who calls but run before authorization refuses anyone
    /// (the gateway's rate limits, which count refused anonymous requests too).</param>
    public static WebApplication UseServiceDefaults(this WebApplication app, Action<WebApplication>? afterAuthentication = null)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseCorrelationId();
        app.UseRequestLimits();
        app.UseAuthentication();
        afterAuthentication?.Invoke(app);
        app.UseAuthorization();
        app.MapPlatformHealthChecks();
        app.MapPlatformMetrics();
        app.MapOpenApi().AllowAnonymous();
        return app;
    }

    /// <summary>
    /// Runs the service, or with the argument <c>migrate</c> only migrates its database and exits
    /// (the Kubernetes migration Job).
    /// </summary>
    public static async Task<int> RunServiceAsync(this WebApplication app, string[] args)
    {
        if (args.Contains("migrate"))
        {
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
            return 0;
        }
        await app.RunAsync();
        return 0;
    }
}

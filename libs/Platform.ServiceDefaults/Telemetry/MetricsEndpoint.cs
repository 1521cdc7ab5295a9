using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Platform.ServiceDefaults.Telemetry;

public sealed class MetricsOptions
{
    /// <summary>
    /// Whether <c>/metrics</c> answers anyone who reaches the port. True for the services, which are reachable inside the
    /// cluster only; false for the gateway, which faces the internet (its appsettings.json).
    /// </summary>
    public bool Public { get; set; } = true;

    /// <summary>When <see cref="Public"/> is false: the bearer token the scraper sends (<c>Metrics__ScrapeToken</c>, a secret).
    /// Unset, a non-public <c>/metrics</c> answers 404 to everyone.</summary>
    public string? ScrapeToken { get; set; }
}

internal static class MetricsEndpoint
{
    public static void MapPlatformMetrics(this WebApplication app)
    {
        var options = app.Configuration.GetSection("Metrics").Get<MetricsOptions>() ?? new MetricsOptions();
        if (!options.Public)
        {
            var expected = options.ScrapeToken is { Length: > 0 } token ? Encoding.UTF8.GetBytes($"Bearer {token}") : null;
            app.UseWhen(context => context.Request.Path.StartsWithSegments("/metrics"), branch => branch.Use(async (context, next) =>
            {
                if (expected is null)
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }
                var given = Encoding.UTF8.GetBytes(context.Request.Headers.Authorization.ToString());
                if (!CryptographicOperations.FixedTimeEquals(given, expected))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return;
                }
                await next(context);
            }));
        }
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
    }
}

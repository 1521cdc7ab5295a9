using System.Globalization;
using Platform.ServiceDefaults.Http;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Platform.Gateway.Proxy;

/// <summary>
/// The gateway's proxy pipeline. A request that could not even connect to its destination (the replica died, the pod is
/// gone: connection refused or reset before anything was sent) is sent again to another destination of its cluster, so
/// only the requests in flight on a dying replica are lost; a service with no destination left answers 503 with
/// <c>Retry-After</c>. Passive health forgets quickly (<see cref="PassiveWindow"/>), so a restarted service is served again
/// within seconds of its first good answer, never kept out for YARP's default minute.
/// </summary>
internal static class DestinationFailover
{
    /// <summary>How far back the passive check counts failures; no longer than the active probe's interval (appsettings).</summary>
    public static readonly TimeSpan PassiveWindow = TimeSpan.FromSeconds(2);

    private const int RetryAfterSeconds = 5;

    public static void AddDestinationFailover(this IServiceCollection services) =>
        services.Configure<TransportFailureRateHealthPolicyOptions>(options => options.DetectionWindowSize = PassiveWindow);

    public static void UseDestinationFailover(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(SendElsewhereWhenUnreachable);
        proxy.UseSessionAffinity();
        proxy.UseLoadBalancing();
        proxy.UsePassiveHealthChecks();
    }

    private static async Task SendElsewhereWhenUnreachable(HttpContext context, Func<Task> next)
    {
        var proxy = context.GetReverseProxyFeature();
        var candidates = proxy.AvailableDestinations.ToList();
        await next();
        while (NeverReached(context) && proxy.ProxiedDestination is { } failed && candidates.Remove(failed) && candidates.Count > 0)
        {
            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.StatusCode = StatusCodes.Status200OK;
            proxy.AvailableDestinations = candidates.ToList();
            await next();
        }
        if (context.GetForwarderErrorFeature()?.Error == ForwarderError.NoAvailableDestinations && !context.Response.HasStarted)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await Problems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "The service is unavailable.",
                $"No replica of this service can take requests right now; try again in {RetryAfterSeconds} s.");
        }
    }

    /// <summary>The request failed while connecting: nothing of it reached the destination, so sending it elsewhere is safe.</summary>
    private static bool NeverReached(HttpContext context) =>
        !context.Response.HasStarted
        && context.GetForwarderErrorFeature() is { Error: ForwarderError.Request, Exception: var exception }
        && Unwrap(exception).Any(e => e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError });

    private static IEnumerable<Exception> Unwrap(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            yield return exception;
        }
    }
}

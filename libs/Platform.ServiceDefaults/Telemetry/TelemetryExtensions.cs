using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Platform.ServiceDefaults.Telemetry;

internal static class TelemetryExtensions
{
    /// <summary>JSON log lines with scopes (correlation id, trace id), one per event, ready for a log shipper.</summary>
    public static void AddStructuredLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            options.UseUtcTimestamp = true;
        });
        builder.Logging.Configure(options => options.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
    }

    /// <summary>
    /// Traces (ASP.NET Core, HttpClient, Npgsql, MassTransit, the outbox) and metrics with a Prometheus
    /// scrape endpoint. MassTransit carries the W3C trace context in message headers, and the outbox keeps
    /// it in its row, so one request's trace continues through the messages it causes.
    /// Traces are recorded only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> says where to send them (with an OTLP exporter):
    /// recorded for nobody, an activity for every request, statement and message cost the services 4–10 % of their CPU under
    /// load. The trace context still travels without them (ASP.NET Core's request activity, the outbox row, MassTransit's
    /// headers whenever a listener is attached), so a collector added later sees whole traces.
    /// </summary>
    public static void AddPlatformTelemetry(this WebApplicationBuilder builder, PlatformService service)
    {
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService($"platform-{service.Name}"));
        if (otlp)
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation(options =>
                        options.Filter = context => !context.Request.Path.StartsWithSegments("/health")
                                                    && !context.Request.Path.StartsWithSegments("/metrics"))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    .AddSource("MassTransit")
                    .AddSource(PlatformTelemetry.SourceName)
                    .AddOtlpExporter();
            });
        }
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit")
                .AddMeter("Npgsql") // the pool: db.client.connection.count (idle/used), max, pending requests
                .AddMeter(PlatformTelemetry.SourceName)
                .AddPrometheusExporter();
            if (otlp)
            {
                metrics.AddOtlpExporter();
            }
        });
    }
}

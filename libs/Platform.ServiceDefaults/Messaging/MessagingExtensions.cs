using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults.Health;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    public const string TenantHeader = "tenant-id";

    /// <summary>
    /// MassTransit 8 over RabbitMQ (<c>ConnectionStrings:rabbitmq</c>), the service's consumers, kebab-case
    /// endpoints prefixed by the service name, retries then the <c>_error</c> queue, the outbox relay, and a
    /// readiness check that RabbitMQ answers.
    /// </summary>
    public static WebApplicationBuilder AddPlatformMessaging(this WebApplicationBuilder builder, PlatformService service)
    {
        var messaging = builder.Configuration.GetSection("Messaging").Get<MessagingOptions>() ?? new MessagingOptions();
        var outbox = builder.Configuration.GetSection("Outbox").Get<OutboxOptions>() ?? new OutboxOptions();
        var rabbitmq = builder.Configuration.GetConnectionString("rabbitmq")
            ?? throw new InvalidOperationException("ConnectionStrings:rabbitmq is not set (scripts/infra.sh env prints a local one).");

        builder.Services.AddSingleton(outbox);
        builder.Services.AddHostedService<OutboxRelay>();
        builder.Services.AddSingleton(sp => new BrokerConnection(rabbitmq, sp.GetRequiredService<ILogger<BrokerConnection>>()));
        builder.Services.AddHealthChecks().AddCheck<BrokerHealthCheck>("broker", tags: [HealthExtensions.ReadyTag]);
        builder.Services.AddMassTransit(bus =>
        {
            bus.DisableUsageTelemetry();
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(messaging.EndpointPrefix ?? service.Name, includeNamespace: false));
            bus.AddConsumers(service.Assembly);
            bus.AddReceiveObserver<DeadLetterObserver>();
            if (messaging.TemporaryEndpoints)
            {
                bus.AddConfigureEndpointsCallback((_, endpoint) =>
                {
                    if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                    {
                        rabbit.AutoDelete = true;
                        rabbit.Durable = false;
                    }
                });
            }
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(rabbitmq));
                // The marker interface is not a message of its own: no exchange for it.
                rabbit.Publish<ITenantEvent>(publish => publish.Exclude = true);
                // Transient failures are retried in memory; a message that still fails is parked in the endpoint's
                // _error queue for a person to look at. (Delayed redelivery would need RabbitMQ's delayed-message
                // plugin, which Debian's broker does not ship.)
                rabbit.UseMessageRetry(retry => retry.Exponential(messaging.Retries, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(200)));
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}

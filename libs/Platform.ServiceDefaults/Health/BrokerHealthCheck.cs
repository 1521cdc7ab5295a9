using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.ServiceDefaults.Messaging;

namespace Platform.ServiceDefaults.Health;

internal sealed class BrokerHealthCheck(BrokerConnection broker) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await broker.IsReachableAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("RabbitMQ does not answer.");
}

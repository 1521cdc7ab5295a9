using System.Diagnostics.Metrics;
using MassTransit;
using Platform.Contracts.Projects;
using Platform.Testing;
using RabbitMQ.Client;
using Xunit;

namespace Platform.ServiceDefaults.Tests.Messaging;

[Collection(MessagingCollection.Name)]
public sealed class ErrorQueueTests(MessagingHost host)
{
    [Fact]
    public async Task A_message_that_keeps_failing_is_retried_then_parked_in_the_error_queue()
    {
        var poison = new ProjectCreated(Guid.NewGuid(), Guid.NewGuid(), DeliveryCounter.Poison, ProjectDirection.Inbound, "UTC", DateTimeOffset.UtcNow);
        var errorQueue = host.QueueOf<DeliveryCounter>() + "_error";
        await using var connection = await new ConnectionFactory { Uri = new Uri(host.RabbitMq) }.CreateConnectionAsync();
        using var deadLettered = new DeadLettered(host.QueueOf<DeliveryCounter>());

        await host.Bus.Publish(poison, context => context.MessageId = NewId.NextGuid());

        await Eventually.HoldsAsync(async () => await ParkedAsync(connection, errorQueue) == 1,
            TimeSpan.FromSeconds(30), $"the failing message is parked in {errorQueue}");
        Assert.Equal(1 + MessagingHost.Retries, DeliveryCounter.PoisonAttempts[poison.ProjectId]);
        Assert.Null(await host.AppliedAsync(poison.TenantId, poison.ProjectId));
        // platform_messaging_dead_lettered_total counts the parked message once, not each of its tries.
        await Eventually.HoldsAsync(() => Task.FromResult(deadLettered.Count >= 1), TimeSpan.FromSeconds(10), $"the dead letter counted for {errorQueue}");
        Assert.Equal(1, deadLettered.Count);
    }

    /// <summary>The platform's dead-letter counter, as the metrics exporter reads it, for one endpoint.</summary>
    private sealed class DeadLettered : IDisposable
    {
        private readonly MeterListener listener = new();
        private long count;

        public DeadLettered(string endpoint)
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "Platform" && instrument.Name == "platform.messaging.dead_lettered")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "endpoint" && tag.Value is string name && name.EndsWith(endpoint, StringComparison.Ordinal))
                    {
                        Interlocked.Add(ref count, value);
                    }
                }
            });
            listener.Start();
        }

        public long Count => Interlocked.Read(ref count);

        public void Dispose() => listener.Dispose();
    }

    private static async Task<uint> ParkedAsync(IConnection connection, string queue)
    {
        // A passive declare of a missing queue closes its channel: one channel per look.
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0; // not declared yet
        }
    }
}

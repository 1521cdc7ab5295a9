using MassTransit;
using Platform.ServiceDefaults.Telemetry;

namespace Platform.ServiceDefaults.Messaging;

/// <summary>
/// Counts the messages a consumer gave up on (<c>platform_messaging_dead_lettered_total</c>, by endpoint and message type):
/// the fault is told once, after the in-memory retries, when the message moves to the endpoint's <c>_error</c> queue.
/// MassTransit's own <c>consume.errors</c> counts every try, so it cannot say how many messages wait for a person.
/// </summary>
internal sealed class DeadLetterObserver : IReceiveObserver
{
    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception) where T : class
    {
        PlatformTelemetry.DeadLettered.Add(1,
            new KeyValuePair<string, object?>("endpoint", context.ReceiveContext.InputAddress?.AbsolutePath.TrimStart('/') ?? ""),
            new KeyValuePair<string, object?>("message_type", typeof(T).Name));
        return Task.CompletedTask;
    }

    public Task ReceiveFault(ReceiveContext context, Exception exception) => Task.CompletedTask;
}

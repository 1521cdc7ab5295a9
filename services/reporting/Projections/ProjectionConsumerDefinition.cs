using MassTransit;

namespace Platform.Reporting.Projections;

/// <summary>
/// A projection endpoint takes events in batches of up to <see cref="MessageLimit"/>, waiting at most
/// <see cref="TimeLimit"/> after the first for more, one batch at a time per endpoint (so two batches of one event type
/// never wait for each other's rows). The wait bounds how stale a figure may be on top of the event's own trip (well
/// inside the wallboard's second); at 20 ms a call center of 30 calls a second gave each event type batches of one, a
/// transaction per event, and at 100 ms they hold a few.
/// </summary>
public abstract class ProjectionConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer> where TConsumer : class, IConsumer
{
    public const int MessageLimit = 100;
    public static readonly TimeSpan TimeLimit = TimeSpan.FromMilliseconds(100);

    protected ProjectionConsumerDefinition() => Endpoint(e => e.PrefetchCount = 2 * MessageLimit);

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<TConsumer> consumer,
        IRegistrationContext context) =>
        consumer.Options<BatchOptions>(batch => batch.SetMessageLimit(MessageLimit).SetTimeLimit(TimeLimit).SetConcurrencyLimit(1));
}

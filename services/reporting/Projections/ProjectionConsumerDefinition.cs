using MassTransit;

namespace Platform.Reporting.Projections;

/// <summary>
/// A projection endpoint takes events in batches of up to <see cref="MessageLimit"/>, waiting at most
/// <see cref="TimeLimit"/> after the first for more, one batch at a time per endpoint (so two batches of one event type
/// never wait for each other's rows).
/// </summary>
public abstract class ProjectionConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer> where TConsumer : class, IConsumer
{
    public const int MessageLimit = 100;
    public static readonly TimeSpan TimeLimit = TimeSpan.FromMilliseconds(20);

    protected ProjectionConsumerDefinition() => Endpoint(e => e.PrefetchCount = 2 * MessageLimit);

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<TConsumer> consumer,
        IRegistrationContext context) =>
        consumer.Options<BatchOptions>(batch => batch.SetMessageLimit(MessageLimit).SetTimeLimit(TimeLimit).SetConcurrencyLimit(1));
}

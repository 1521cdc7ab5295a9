using MassTransit;

namespace Platform.ServiceDefaults.Messaging.Inbox;

/// <summary>
/// A <see cref="BatchInboxConsumer{T}"/>'s endpoint: batches of up to <see cref="MessageLimit"/> messages, waiting at most
/// <see cref="TimeLimit"/> after the first for more (what a lone event waits on top of its trip), one batch at a time.
/// </summary>
public abstract class BatchInboxConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer> where TConsumer : class, IConsumer
{
    public const int MessageLimit = 200;
    public static readonly TimeSpan TimeLimit = TimeSpan.FromMilliseconds(50);

    protected BatchInboxConsumerDefinition() => Endpoint(e => e.PrefetchCount = 2 * MessageLimit);

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpoint, IConsumerConfigurator<TConsumer> consumer,
        IRegistrationContext context) =>
        consumer.Options<BatchOptions>(batch => batch.SetMessageLimit(MessageLimit).SetTimeLimit(TimeLimit).SetConcurrencyLimit(1));
}

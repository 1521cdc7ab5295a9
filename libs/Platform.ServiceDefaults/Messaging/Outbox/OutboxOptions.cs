namespace Platform.ServiceDefaults.Messaging.Outbox;

public sealed class OutboxOptions
{
    /// <summary>Rows published per transaction.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Safety poll when no notification arrives (a row left by a crash, a missed NOTIFY).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long the relay waits after a wake-up before it claims, so that the commits of the next few milliseconds go in the
    /// same batch. Events reach the broker that much later; zero claims at once.
    /// </summary>
    public TimeSpan GatherWindow { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>How long one publish may wait for the broker's confirm before the relay backs off and retries.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Failures of its own (it could not be read, or the broker refused it while it confirmed others) after which a row is
    /// set aside (<c>set_aside_at</c>) instead of being tried in every batch. Failures while the broker is away do not count.
    /// </summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Sent rows and inbox rows are deleted after this long.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}

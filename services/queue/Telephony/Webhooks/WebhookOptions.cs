namespace Platform.Queue.Telephony.Webhooks;

/// <summary>Push delivery of the PBX command stream (section <c>Webhooks</c>; docs/telephony.md, "Push: signed webhooks").</summary>
public sealed class WebhookOptions
{
    /// <summary>How often a replica looks for tenants with commands to push; 0 turns push delivery off on that replica.</summary>
    public int PollMilliseconds { get; set; } = 250;

    /// <summary>Commands in one POST, oldest first.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>One POST's limit; a PBX that takes longer is retried.</summary>
    public int AttemptTimeoutSeconds { get; set; } = 10;

    /// <summary>Retries of a batch within one round (Polly, exponential with jitter from <see cref="RetryDelayMilliseconds"/>).</summary>
    public int RetriesPerRound { get; set; } = 3;

    public int RetryDelayMilliseconds { get; set; } = 500;

    /// <summary>After a round that failed, the tenant waits this long, doubled for each further failed round, at most <see cref="MaxBackoffSeconds"/>.</summary>
    public int RoundBackoffSeconds { get; set; } = 2;

    public int MaxBackoffSeconds { get; set; } = 300;

    /// <summary>How long a replica holds a tenant's delivery (renewed after every batch); another replica takes over once it runs out.</summary>
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>Tenants one replica delivers to at the same time.</summary>
    public int MaxTenantsPerTick { get; set; } = 16;
}

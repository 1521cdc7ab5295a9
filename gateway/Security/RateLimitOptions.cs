namespace Platform.Gateway.Security;

/// <summary>Requests a minute. Counted per gateway replica (in memory): with N replicas a client gets up to N times these.</summary>
public sealed class RateLimitOptions
{
    public int PerUserPerMinute { get; set; } = 600;
    public int PerTenantPerMinute { get; set; } = 6000;

    /// <summary>
    /// A PBX integration's service account (the telephony role): its own budget, sized for calls per second rather than a
    /// person's clicks, and not counted against its tenant's. A call costs the PBX about 6 requests (arrival, ring result,
    /// hang-up, command reads and acknowledgements, batched): 60,000 a minute carries about 150 calls a second.
    /// </summary>
    public int PerPbxAccountPerMinute { get; set; } = 60_000;

    /// <summary>Sign-in attempts per client address; per-account guessing is stopped by the lockout as well.</summary>
    public int SignInPerAddressPerMinute { get; set; } = 30;

    /// <summary>Requests without a signed-in user per client address (health probes excepted): probing, public documents, 401s.</summary>
    public int AnonymousPerAddressPerMinute { get; set; } = 300;
}

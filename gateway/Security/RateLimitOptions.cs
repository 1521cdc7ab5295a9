namespace Platform.Gateway.Security;

/// <summary>Requests a minute. Counted per gateway replica (in memory): with N replicas a client gets up to N times these.</summary>
public sealed class RateLimitOptions
{
    public int PerUserPerMinute { get; set; } = 600;
    public int PerTenantPerMinute { get; set; } = 6000;

    /// <summary>Sign-in attempts per client address; per-account guessing is stopped by the lockout as well.</summary>
    public int SignInPerAddressPerMinute { get; set; } = 30;

    /// <summary>Requests without a signed-in user per client address (health probes excepted): probing, public documents, 401s.</summary>
    public int AnonymousPerAddressPerMinute { get; set; } = 300;
}

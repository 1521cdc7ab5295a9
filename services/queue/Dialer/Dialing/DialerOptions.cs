namespace Platform.Queue.Dialer.Dialing;

/// <summary>The dial loop's settings (section <c>Dialer</c>).</summary>
public sealed class DialerOptions
{
    /// <summary>How often each replica paces its running campaigns (a person waiting for an agent is looked at this often).</summary>
    public int TickMilliseconds { get; set; } = 250;

    /// <summary>A person who answered a predictive dial and has no agent after this long is dropped (the regulators' 2 s).</summary>
    public int DropAfterMilliseconds { get; set; } = 2000;

    /// <summary>How long the CRM holds a dialed contact for the campaign when no outcome ends the lease first.</summary>
    public int LeaseMinutes { get; set; } = 240;

    /// <summary>
    /// How long a lease lasts before the dialer confirms it (<c>CampaignContactsHeld</c>, sent with the committed dials): a
    /// lease whose answer came too late or whose tick rolled back frees its contact after this long.
    /// </summary>
    public int PendingLeaseSeconds { get; set; } = 120;

    /// <summary>How long the dialer waits for the CRM's answer to a lease request.</summary>
    public int LeaseTimeoutSeconds { get; set; } = 5;

    /// <summary>A dial the PBX never reported on after its ring time and this much more ends as failed (no report from the PBX).</summary>
    public int UnreportedGraceSeconds { get; set; } = 60;

    /// <summary>The most dials one tick places for one campaign.</summary>
    public int MaxDialsPerTick { get; set; } = 50;
}

namespace Platform.Queue.Dialer.Pacing;

/// <summary>The pacer's fixed settings: the dialer reads <see cref="RollingWindow"/> to compute the snapshot's window.</summary>
public static class PacingPolicy
{
    /// <summary>The window over which <see cref="PacingSnapshot.Recent"/> is counted (dials whose result came in the last
    /// 30 minutes). Every 30-minute window under the cap means every longer period (a day, 30 days) is under it too.</summary>
    public static readonly TimeSpan RollingWindow = TimeSpan.FromMinutes(30);

    /// <summary>A person who answered and found no agent within this time is a drop.</summary>
    public static readonly TimeSpan DropAfter = TimeSpan.FromSeconds(2);

    /// <summary>Cold start: predictive paces as progressive until the window holds this many results…</summary>
    public const int MinimumDials = 50;

    /// <summary>…and this many times the dials ringing (a large team dials its first hundreds within a minute: the first
    /// results are the fast ones, busy and invalid numbers, before the slow ones, no answer after 30 s, have come in)…</summary>
    public const int MinimumResultsPerDialRinging = 3;

    /// <summary>…and this many people answered (one drop among them is then 2.5 %, under a 3 % cap).</summary>
    public const int MinimumHumans = 40;

    /// <summary>The share of the cap the pacer aims its expected drops at when the window is far from the cap.</summary>
    public const double TargetShareOfCap = 0.8;

    /// <summary>Below this share of the cap the pacer runs at its full target; above it, the target falls linearly…</summary>
    public const double SlowFromShareOfCap = 0.4;

    /// <summary>…to zero here (risk-free dials only: as many as progressive would).</summary>
    public const double StopAtShareOfCap = 0.85;

    /// <summary>Hysteresis: after a fallback to progressive at the cap, predictive resumes only under this share of the cap.</summary>
    public const double ResumeBelowShareOfCap = 0.5;

    /// <summary>Dials ringing at once (in flight and new) never exceed this many per agent of the campaign.</summary>
    public const int MaxDialsInFlightPerAgent = 4;

    /// <summary>The one-sided z of the upper confidence bound on the answer rate (95 %): a short window dials less.</summary>
    public const double AnswerRateConfidenceZ = 1.645;
}

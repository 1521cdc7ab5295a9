namespace Platform.Queue.Dialer.Pacing;

/// <summary>
/// Decides how many contacts a campaign dials now. Plain C#, no I/O: the dialer reads a <see cref="PacingSnapshot"/>
/// from the database under the campaign's lock and places the answer's number of dials (docs/dialer-pacing.md).
/// </summary>
public static class Pacer
{
    public static PacingDecision Decide(PacingSnapshot now)
    {
        ArgumentNullException.ThrowIfNull(now);
        return now.Mode switch
        {
            DialMode.Preview => new PacingDecision(0, DialMode.Preview, "preview: the agent dials"),
            DialMode.Predictive => PredictivePacing.Decide(now),
            _ => Progressive(now),
        };
    }

    /// <summary>One dial per free agent: agents idle, less the dials and answered calls already on their way to them.</summary>
    internal static PacingDecision Progressive(PacingSnapshot now, string? because = null)
    {
        var dials = Math.Max(0, now.AgentsIdle - Math.Max(0, now.DialsInFlight) - Math.Max(0, now.AnsweredWaiting));
        var counts = $"{Math.Max(0, now.AgentsIdle)} agents free, {Math.Max(0, now.DialsInFlight)} dials ringing";
        return new PacingDecision(dials, DialMode.Progressive, because is null ? counts : $"{because}; {counts}");
    }
}

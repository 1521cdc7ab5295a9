namespace Platform.Queue.Dialer.Pacing;

/// <summary>
/// Decides how many contacts a campaign dials now. Plain C#, no I/O: the dialer reads a <see cref="PacingSnapshot"/>
/// from the database under the campaign's lock and places the answer's number of dials.
/// </summary>
public static class Pacer
{
    public static PacingDecision Decide(PacingSnapshot now)
    {
        ArgumentNullException.ThrowIfNull(now);
        return now.Mode switch
        {
            DialMode.Preview => new PacingDecision(0, DialMode.Preview, "preview: the agent dials"),
            _ => Progressive(now),
        };
    }

    /// <summary>One dial per free agent: agents idle, less the dials and answered calls already on their way to them.</summary>
    internal static PacingDecision Progressive(PacingSnapshot now)
    {
        var dials = Math.Max(0, now.AgentsIdle - now.DialsInFlight - now.AnsweredWaiting);
        return new PacingDecision(dials, DialMode.Progressive, $"{now.AgentsIdle} agents free, {now.DialsInFlight} dials ringing");
    }
}

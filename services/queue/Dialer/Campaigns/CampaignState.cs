namespace Platform.Queue.Dialer.Campaigns;

/// <summary>
/// A campaign's life: made as a draft, started (running), paused and started again, stopped for good. Every change is
/// one of these moves; anything else is refused with the reason (409).
/// </summary>
public static class CampaignState
{
    public const string Draft = "draft";
    public const string Running = "running";
    public const string Paused = "paused";
    public const string Stopped = "stopped";

    public enum Command { Start, Pause, Stop }

    public sealed record Move(bool Allowed, string To, string? Refusal);

    public static Move Decide(string from, Command command) => (from, command) switch
    {
        (Draft or Paused, Command.Start) => new(true, Running, null),
        (Running, Command.Start) => Refuse(from, "The campaign is already running."),
        (Running, Command.Pause) => new(true, Paused, null),
        (Paused, Command.Pause) => Refuse(from, "The campaign is already paused."),
        (Draft, Command.Pause) => Refuse(from, "A draft campaign has not started; start it first."),
        (Draft or Running or Paused, Command.Stop) => new(true, Stopped, null),
        (Stopped, _) => Refuse(from, "The campaign is stopped for good; make a new one to dial again."),
        _ => Refuse(from, "That is not a move of a campaign."),
    };

    /// <summary>Its agents, hours, source and mode may change while it does not dial (draft or paused).</summary>
    public static bool IsEditable(string state) => state is Draft or Paused;

    private static Move Refuse(string from, string reason) => new(false, from, reason);
}

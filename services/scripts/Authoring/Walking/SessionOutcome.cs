using Platform.Scripts.Authoring.Model;

namespace Platform.Scripts.Authoring.Walking;

/// <summary>
/// How a session ends when it is closed: "completed" when it stands on an end or a transfer (with the step's suggested
/// disposition; a transfer suggests "transferred" unless it names one), "abandoned" anywhere else (no disposition).
/// </summary>
public sealed record SessionOutcome(string Outcome, string? SuggestedDisposition)
{
    public const string Completed = "completed";
    public const string Abandoned = "abandoned";

    public static SessionOutcome Of(CompiledScript script, SessionState state) => script[state.Current] switch
    {
        EndStep end => new(Completed, end.Disposition),
        TransferStep transfer => new(Completed, transfer.Disposition ?? "transferred"),
        _ => new(Abandoned, null),
    };
}

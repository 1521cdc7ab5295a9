namespace Platform.Scripts.Authoring.Walking;

/// <summary>The outcome of a move: the new state, or why the move is refused (the session stays as it was).</summary>
public sealed record Move(SessionState? State, MoveRefusal? Refusal)
{
    public static Move To(SessionState state) => new(state, null);

    public static Move Refused(string field, string reason, bool conflict = false) => new(null, new MoveRefusal(field, reason, conflict));
}

/// <summary>
/// Why a move is refused, naming the request's field. <paramref name="Conflict"/>: the request is well formed but does not
/// fit where the session stands (a step that is not current, a jump a strict script does not allow).
/// </summary>
public sealed record MoveRefusal(string Field, string Reason, bool Conflict);

namespace Platform.Scripts.Authoring.Walking;

/// <summary>
/// Where a session stands: the current step, the steps behind it (for going back), the steps to return to after
/// objection handlers, the answers given, and the path walked with the time spent on each step. Immutable: a move
/// that is refused leaves the session as it was.
/// </summary>
public sealed record SessionState(
    string Current,
    IReadOnlyList<string> History,
    IReadOnlyList<string> Returns,
    IReadOnlyDictionary<string, RecordedAnswer> Answers,
    IReadOnlyList<PathEntry> Path);

/// <summary>An answer as recorded: its values (option values, or the one canonical value) and its text as the agent saw it.</summary>
public sealed record RecordedAnswer(string Kind, IReadOnlyList<string> Values, string Text);

/// <summary>One visit of a step: when the walk came to it and, once it left, the seconds spent there.</summary>
public sealed record PathEntry(string StepId, DateTimeOffset EnteredAt, double? Seconds = null);

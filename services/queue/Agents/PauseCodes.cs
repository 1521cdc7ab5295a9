using System.Text.RegularExpressions;

namespace Platform.Queue.Agents;

/// <summary>Why an agent is not taking calls. A few are the platform's own; a call center adds its own (lunch, training, coaching…).</summary>
public static partial class PauseCodes
{
    /// <summary>Logged in, not yet ready.</summary>
    public const string Default = "not-ready";

    /// <summary>An offer went unanswered: the agent is taken out of routing until they say they are back.</summary>
    public const string RingNoAnswer = "ring-no-answer";

    public const string Rule = "letters, digits, '-' or '_', 1 to 40 characters";

    public static bool IsValid(string? code) => code is not null && Pattern().IsMatch(code);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$")]
    private static partial Regex Pattern();
}

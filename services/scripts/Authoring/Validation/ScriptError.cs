namespace Platform.Scripts.Authoring.Validation;

/// <summary>One thing wrong with a script: the step it concerns (none for the script as a whole), the field, and why.</summary>
public sealed record ScriptError(string? StepId, string Field, string Code, string Message)
{
    /// <summary>Where the error points, as a ProblemDetails error key: <c>steps.greet.next</c>, or the top-level field.</summary>
    /// <summary>
    /// A draft may be saved with errors of the graph (a dead end, a missing step, an unknown variable: work in
    /// progress), but not with a malformed or oversized document, an invalid value or two steps of one id.
    /// </summary>
    public bool BlocksDraft => Code is ScriptErrorCodes.Malformed or ScriptErrorCodes.Invalid or ScriptErrorCodes.TooLarge or ScriptErrorCodes.DuplicateStep;

    public string Key => StepId is null ? (Field.Length == 0 ? "script" : Field) : Field.Length == 0 ? $"steps.{StepId}" : $"steps.{StepId}.{Field}";
}

public static class ScriptErrorCodes
{
    public const string Malformed = "malformed";
    public const string Invalid = "invalid";
    public const string DuplicateStep = "duplicate_step";
    public const string DanglingTarget = "dangling_target";
    public const string DeadEnd = "dead_end";
    public const string Unreachable = "unreachable";
    public const string CycleWithoutExit = "cycle_without_exit";
    public const string UndefinedVariable = "undefined_variable";
    public const string NoOptions = "no_options";
    public const string TooLarge = "too_large";
}

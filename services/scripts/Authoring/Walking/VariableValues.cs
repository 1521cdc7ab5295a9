using Platform.Scripts.Authoring.Validation;

namespace Platform.Scripts.Authoring.Walking;

/// <summary>
/// What the variables stand for in one session: the contact's fields and custom fields, the agent's name, the
/// project and its company (as the service knows them), and the session's own answers.
/// </summary>
public sealed class VariableValues(IReadOnlyDictionary<string, string> known)
{
    public static readonly VariableValues None = new(new Dictionary<string, string>());

    /// <summary>The value as text (an answer as the agent saw it); empty when unknown or not answered yet.</summary>
    public string TextOf(string name, SessionState state) =>
        name.StartsWith(Variables.AnswersPrefix, StringComparison.Ordinal)
            ? state.Answers.GetValueOrDefault(name[Variables.AnswersPrefix.Length..])?.Text ?? ""
            : known.GetValueOrDefault(name) ?? "";

    /// <summary>The values a condition tests: an answer's recorded values, or the one known value.</summary>
    public IReadOnlyList<string> ValuesOf(string name, SessionState state) =>
        name.StartsWith(Variables.AnswersPrefix, StringComparison.Ordinal)
            ? state.Answers.GetValueOrDefault(name[Variables.AnswersPrefix.Length..])?.Values ?? []
            : known.TryGetValue(name, out var value) && value.Length > 0 ? [value] : [];
}

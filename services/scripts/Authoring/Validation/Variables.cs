using System.Text.RegularExpressions;

namespace Platform.Scripts.Authoring.Validation;

/// <summary>
/// The variables a script may use: <c>contact.name</c>, <c>contact.phone</c>, <c>contact.custom.&lt;field&gt;</c> (declared in
/// the script's fields), <c>agent.name</c>, <c>project.name</c>, <c>project.company</c> and <c>answers.&lt;question step id&gt;</c>.
/// </summary>
public sealed partial class Variables
{
    public const string ContactName = "contact.name";
    public const string ContactPhone = "contact.phone";
    public const string AgentName = "agent.name";
    public const string ProjectName = "project.name";
    public const string ProjectCompany = "project.company";
    public const string CustomPrefix = "contact.custom.";
    public const string AnswersPrefix = "answers.";

    private static readonly HashSet<string> Fixed = [ContactName, ContactPhone, AgentName, ProjectName, ProjectCompany];

    private readonly IReadOnlySet<string> questions;
    private readonly IReadOnlySet<string> fields;

    public Variables(IEnumerable<string> questionIds, IEnumerable<string> customFields)
    {
        questions = questionIds.ToHashSet(StringComparer.Ordinal);
        fields = customFields.ToHashSet(StringComparer.Ordinal);
    }

    public bool IsDefined(string name) =>
        Fixed.Contains(name)
        || (name.StartsWith(AnswersPrefix, StringComparison.Ordinal) && questions.Contains(name[AnswersPrefix.Length..]))
        || (name.StartsWith(CustomPrefix, StringComparison.Ordinal) && fields.Contains(name[CustomPrefix.Length..]));

    /// <summary>The names inside <c>{{ … }}</c> in a text, in order.</summary>
    public static IEnumerable<string> UsedIn(string text) =>
        text.Contains("{{", StringComparison.Ordinal) ? Placeholder().Matches(text).Select(m => m.Groups[1].Value) : [];

    [GeneratedRegex(@"\{\{\s*([^{}]*?)\s*\}\}")]
    internal static partial Regex Placeholder();
}

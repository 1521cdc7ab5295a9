namespace Platform.Scripts.Authoring.Model;

/// <summary>
/// A question whose answer is recorded. <paramref name="Kind"/>: single, multiple (choices from
/// <paramref name="Options"/>), text, number (within <paramref name="Min"/>..<paramref name="Max"/>), date, rating (1–5).
/// A single choice may branch by answer (each option's own next); otherwise the walk goes on to <paramref name="Next"/>.
/// </summary>
public sealed record QuestionStep(
    string Id, string Text, string Kind, IReadOnlyList<ChoiceOption>? Options = null, string? Next = null,
    double? Min = null, double? Max = null, bool Required = true) : Step(Id)
{
    public override IEnumerable<StepLink> Links
    {
        get
        {
            if (Options is not null)
            {
                for (var i = 0; i < Options.Count; i++)
                {
                    if (Options[i]?.Next is { } target)
                    {
                        yield return new($"options[{i}].next", target);
                    }
                }
            }
            if (Next is not null)
            {
                yield return new("next", Next);
            }
        }
    }

    public override IEnumerable<(string, string)> Texts =>
        [("text", Text), .. (Options ?? []).Select((o, i) => ($"options[{i}].label", o?.Label ?? ""))];

    public bool IsChoice => Kind is AnswerKinds.Single or AnswerKinds.Multiple;
}

/// <summary>One choice of a question: the value recorded, the label shown, and where a single choice leads.</summary>
public sealed record ChoiceOption(string Value, string Label, string? Next = null);

/// <summary>The kinds of answer a question takes.</summary>
public static class AnswerKinds
{
    public const string Single = "single";
    public const string Multiple = "multiple";
    public const string Text = "text";
    public const string Number = "number";
    public const string Date = "date";
    public const string Rating = "rating";

    public static readonly IReadOnlySet<string> All = new HashSet<string> { Single, Multiple, Text, Number, Date, Rating };
}

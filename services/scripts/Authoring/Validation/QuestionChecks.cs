using Platform.Scripts.Authoring.Model;

namespace Platform.Scripts.Authoring.Validation;

/// <summary>A question: its kind, its options (choices only), its range (numbers only) and where each answer leads.</summary>
internal static class QuestionChecks
{
    public static void Check(QuestionStep question, List<ScriptError> errors)
    {
        var id = question.Id;
        Text.Required(id, "text", question.Text, Limits.MaxTextLength, errors);
        if (!AnswerKinds.All.Contains(question.Kind ?? ""))
        {
            errors.Add(new(id, "kind", ScriptErrorCodes.Invalid, $"The kind of answer is one of: {string.Join(", ", AnswerKinds.All)}."));
            return;
        }
        var options = question.Options ?? [];
        if (question.IsChoice)
        {
            CheckOptions(question, options, errors);
        }
        else if (options.Count > 0)
        {
            errors.Add(new(id, "options", ScriptErrorCodes.Invalid, "Only single and multiple choice questions have options."));
        }
        if (question.Kind != AnswerKinds.Number && (question.Min is not null || question.Max is not null))
        {
            errors.Add(new(id, "min", ScriptErrorCodes.Invalid, "Only number questions have a range."));
        }
        else if (question.Min > question.Max)
        {
            errors.Add(new(id, "min", ScriptErrorCodes.Invalid, "The minimum is not above the maximum."));
        }
        if (question.Kind == AnswerKinds.Single)
        {
            if (question.Next is null && options.Any(o => o is not null && o.Next is null))
            {
                for (var i = 0; i < options.Count; i++)
                {
                    if (options[i] is { Next: null })
                    {
                        StepChecks.NeedsNext(id, null, errors, $"options[{i}].next");
                    }
                }
            }
        }
        else
        {
            StepChecks.NeedsNext(id, question.Next, errors);
        }
    }

    private static void CheckOptions(QuestionStep question, IReadOnlyList<ChoiceOption?> options, List<ScriptError> errors)
    {
        var id = question.Id;
        if (options.Count == 0)
        {
            errors.Add(new(id, "options", ScriptErrorCodes.NoOptions, $"A {question.Kind} choice question needs options to choose from."));
            return;
        }
        if (options.Count > Limits.MaxOptions)
        {
            errors.Add(new(id, "options", ScriptErrorCodes.TooLarge, $"A question has at most {Limits.MaxOptions} options."));
        }
        var values = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Count; i++)
        {
            var option = options[i];
            if (option is null)
            {
                errors.Add(new(id, $"options[{i}]", ScriptErrorCodes.Invalid, "An option cannot be null."));
                continue;
            }
            Text.Required(id, $"options[{i}].value", option.Value, Limits.MaxValueLength, errors);
            Text.Required(id, $"options[{i}].label", option.Label, Limits.MaxLabelLength, errors);
            if (option.Value is not null && !values.Add(option.Value))
            {
                errors.Add(new(id, $"options[{i}].value", ScriptErrorCodes.Invalid, $"Two options have the value '{option.Value}'."));
            }
            if (question.Kind == AnswerKinds.Multiple && option.Next is not null)
            {
                errors.Add(new(id, $"options[{i}].next", ScriptErrorCodes.Invalid,
                    "Several choices cannot each lead somewhere: branch on the answer with a branch step instead."));
            }
        }
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using Platform.Scripts.Authoring.Model;

namespace Platform.Scripts.Authoring.Validation;

/// <summary>One step on its own: its id, texts, variables, links, and what its kind requires.</summary>
internal static partial class StepChecks
{
    public static void Check(Step? step, IReadOnlyDictionary<string, Step> byId, Variables variables, List<ScriptError> errors)
    {
        if (step is null)
        {
            return;
        }
        var id = step.Id;
        if (id is null || !StepId().IsMatch(id))
        {
            errors.Add(new(id is null || id.Length > Limits.MaxIdLength ? null : id, "id", ScriptErrorCodes.Invalid,
                $"A step id is 1–{Limits.MaxIdLength} letters, digits, '_' or '-', starting with a letter or digit."));
            return;
        }
        foreach (var (field, text) in step.Texts)
        {
            Text.Optional(id, field, text, Limits.MaxTextLength, errors);
            foreach (var name in Variables.UsedIn(text ?? "").Distinct())
            {
                if (!variables.IsDefined(name))
                {
                    errors.Add(new(id, field, ScriptErrorCodes.UndefinedVariable, $"The variable '{name}' is not defined."));
                }
            }
        }
        foreach (var link in step.Links)
        {
            if (!byId.TryGetValue(link.Target, out var target))
            {
                errors.Add(new(id, link.Field, ScriptErrorCodes.DanglingTarget, $"The step '{link.Target}' does not exist."));
            }
            else if (target is ObjectionStep { Next: null })
            {
                errors.Add(new(id, link.Field, ScriptErrorCodes.DeadEnd,
                    $"The objection handler '{link.Target}' returns to where the agent jumped from: a step cannot lead to it (jump to it, or give it a next)."));
            }
        }
        switch (step)
        {
            case SayStep say:
                Text.Required(id, "text", say.Text, Limits.MaxTextLength, errors);
                NeedsNext(id, say.Next, errors);
                break;
            case QuestionStep question:
                QuestionChecks.Check(question, errors);
                break;
            case BranchStep branch:
                CheckBranch(branch, byId, variables, errors);
                break;
            case ObjectionStep objection:
                Text.Required(id, "label", objection.Label, Limits.MaxLabelLength, errors);
                Text.Required(id, "text", objection.Text, Limits.MaxTextLength, errors);
                break;
            case TransferStep transfer:
                Text.Required(id, "text", transfer.Text, Limits.MaxTextLength, errors);
                Text.Optional(id, "queue", transfer.Queue, Limits.MaxLabelLength, errors);
                Disposition(id, transfer.Disposition, errors);
                break;
            case EndStep end:
                Disposition(id, end.Disposition, errors);
                break;
        }
    }

    public static bool IsStepId(string id) => StepId().IsMatch(id);

    public static void NeedsNext(string id, string? next, List<ScriptError> errors, string field = "next")
    {
        if (next is null)
        {
            errors.Add(new(id, field, ScriptErrorCodes.DeadEnd, "The walk stops here: name the next step (or make this an end)."));
        }
    }

    private static void CheckBranch(BranchStep branch, IReadOnlyDictionary<string, Step> byId, Variables variables, List<ScriptError> errors)
    {
        var id = branch.Id;
        if (branch.Rules is null || branch.Rules.Count == 0)
        {
            errors.Add(new(id, "rules", ScriptErrorCodes.Invalid, "A branch has at least one rule."));
        }
        else if (branch.Rules.Count > Limits.MaxRules)
        {
            errors.Add(new(id, "rules", ScriptErrorCodes.TooLarge, $"A branch has at most {Limits.MaxRules} rules."));
        }
        for (var i = 0; i < (branch.Rules?.Count ?? 0); i++)
        {
            var field = $"rules[{i}].when";
            var condition = branch.Rules![i]?.When;
            if (condition is null)
            {
                errors.Add(new(id, field, ScriptErrorCodes.Invalid, "A rule has a condition."));
                continue;
            }
            if (!variables.IsDefined(condition.Variable ?? ""))
            {
                errors.Add(new(id, $"{field}.variable", ScriptErrorCodes.UndefinedVariable, $"The variable '{condition.Variable}' is not defined."));
            }
            if (!Condition.Ops.Contains(condition.Op ?? ""))
            {
                errors.Add(new(id, $"{field}.op", ScriptErrorCodes.Invalid, $"The test is one of: {string.Join(", ", Condition.Ops)}."));
            }
            else if (condition.NeedsValue && condition.Value is null)
            {
                errors.Add(new(id, $"{field}.value", ScriptErrorCodes.Invalid, $"The test '{condition.Op}' compares with a value."));
            }
            else if (condition.Op is "gt" or "gte" or "lt" or "lte" && !double.TryParse(condition.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                errors.Add(new(id, $"{field}.value", ScriptErrorCodes.Invalid, $"The test '{condition.Op}' compares with a number."));
            }
            Text.Optional(id, $"{field}.value", condition.Value, Limits.MaxValueLength, errors);
        }
        if (branch.Otherwise is null)
        {
            errors.Add(new(id, "otherwise", ScriptErrorCodes.DeadEnd, "When no rule holds the walk has nowhere to go: name the otherwise step."));
        }
        _ = byId;
    }

    private static void Disposition(string id, string? disposition, List<ScriptError> errors)
    {
        if (disposition is not null && !Code().IsMatch(disposition))
        {
            errors.Add(new(id, "disposition", ScriptErrorCodes.Invalid, "A disposition is a code of 1–64 letters, digits, '_' or '-'."));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
    private static partial Regex StepId();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex Code();
}

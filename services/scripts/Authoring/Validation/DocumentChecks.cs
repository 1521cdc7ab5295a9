using System.Text.RegularExpressions;
using Platform.Scripts.Authoring.Model;

namespace Platform.Scripts.Authoring.Validation;

/// <summary>The script as a whole: its name, mode, start, custom fields and the number of steps.</summary>
internal static partial class DocumentChecks
{
    public static void Check(ScriptDocument script, List<ScriptError> errors)
    {
        Text.Required(null, "name", script.Name, Limits.MaxNameLength, errors);
        if (script.Mode is not (ScriptDocument.Strict or ScriptDocument.Guided))
        {
            errors.Add(new(null, "mode", ScriptErrorCodes.Invalid, "The mode is 'strict' (read as written, step by step) or 'guided' (the agent may jump)."));
        }
        if (string.IsNullOrEmpty(script.Start) || !StepChecks.IsStepId(script.Start))
        {
            errors.Add(new(null, "start", ScriptErrorCodes.Invalid, "The start names the first step by its id."));
        }
        if (script.Steps is null || script.Steps.Count == 0)
        {
            errors.Add(new(null, "steps", ScriptErrorCodes.Invalid, "A script has at least one step (and an end)."));
        }
        else if (script.Steps.Any(s => s is null))
        {
            errors.Add(new(null, "steps", ScriptErrorCodes.Malformed, "A step cannot be null."));
        }
        var fields = script.Fields ?? [];
        if (fields.Count > Limits.MaxFields)
        {
            errors.Add(new(null, "fields", ScriptErrorCodes.TooLarge, $"At most {Limits.MaxFields} custom fields."));
        }
        foreach (var field in fields)
        {
            if (field is null || !FieldName().IsMatch(field))
            {
                errors.Add(new(null, "fields", ScriptErrorCodes.Invalid, "A custom field's name is 1–64 letters, digits, '_' or '-'."));
            }
        }
        if (fields.Where(f => f is not null).Distinct(StringComparer.Ordinal).Count() != fields.Count(f => f is not null))
        {
            errors.Add(new(null, "fields", ScriptErrorCodes.Invalid, "A custom field is named once."));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex FieldName();
}

namespace Platform.Scripts.Authoring.Validation;

/// <summary>Checks on the texts of a script: present, not too long, no control characters (line breaks and tabs are text).</summary>
internal static class Text
{
    public static void Required(string? stepId, string field, string? value, int maxLength, List<ScriptError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(stepId, field, ScriptErrorCodes.Invalid, $"The {Last(field)} cannot be empty."));
            return;
        }
        Optional(stepId, field, value, maxLength, errors);
    }

    public static void Optional(string? stepId, string field, string? value, int maxLength, List<ScriptError> errors)
    {
        if (value is null)
        {
            return;
        }
        if (value.Length > maxLength)
        {
            errors.Add(new(stepId, field, ScriptErrorCodes.TooLarge, $"The {Last(field)} has at most {maxLength} characters."));
        }
        if (HasControlCharacters(value))
        {
            errors.Add(new(stepId, field, ScriptErrorCodes.Invalid, $"The {Last(field)} contains control characters."));
        }
    }

    public static bool HasControlCharacters(string value) =>
        ContainsBad(value) || value.AsSpan().IndexOfAnyInRange('\u007f', '\u009f') >= 0;

    private static bool ContainsBad(string value)
    {
        foreach (var c in value)
        {
            if (c < ' ' && c is not ('\n' or '\r' or '\t'))
            {
                return true;
            }
        }
        return false;
    }

    private static string Last(string field) => field[(field.LastIndexOf('.') + 1)..];
}

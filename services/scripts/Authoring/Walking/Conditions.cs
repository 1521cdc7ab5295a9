using System.Globalization;
using Platform.Scripts.Authoring.Model;

namespace Platform.Scripts.Authoring.Walking;

/// <summary>Evaluates a branch rule's condition on the session's variables.</summary>
public static class Conditions
{
    public static bool Holds(Condition condition, VariableValues variables, SessionState state)
    {
        var values = variables.ValuesOf(condition.Variable, state);
        var expected = condition.Value ?? "";
        return condition.Op switch
        {
            "answered" => values.Count > 0,
            "not_answered" => values.Count == 0,
            "equals" => values.Count == 1 && string.Equals(values[0], expected, StringComparison.OrdinalIgnoreCase),
            "not_equals" => !(values.Count == 1 && string.Equals(values[0], expected, StringComparison.OrdinalIgnoreCase)),
            "contains" => values.Any(v => v.Equals(expected, StringComparison.OrdinalIgnoreCase))
                || (values.Count == 1 && values[0].Contains(expected, StringComparison.OrdinalIgnoreCase)),
            "gt" => Compare(values, expected) is > 0,
            "gte" => Compare(values, expected) is >= 0,
            "lt" => Compare(values, expected) is < 0,
            "lte" => Compare(values, expected) is <= 0,
            _ => false,
        };
    }

    private static int? Compare(IReadOnlyList<string> values, string expected) =>
        values.Count == 1
        && double.TryParse(values[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var actual)
        && double.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var limit)
            ? actual.CompareTo(limit)
            : null;
}

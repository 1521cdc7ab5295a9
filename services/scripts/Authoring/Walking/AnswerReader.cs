using System.Globalization;
using System.Text.Json;
using Platform.Scripts.Authoring.Model;
using Platform.Scripts.Authoring.Validation;

namespace Platform.Scripts.Authoring.Walking;

/// <summary>
/// Checks an answer against its question's kind: a single choice is one option's value, a multiple choice a list of
/// distinct values, text a string, a number a JSON number in range, a date "yyyy-MM-dd", a rating a whole number 1–5.
/// </summary>
public static class AnswerReader
{
    public static (RecordedAnswer? Answer, string? Error) Read(QuestionStep question, JsonElement? value)
    {
        if (value is not { } json || json.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return question.Required || question.Kind is AnswerKinds.Single or AnswerKinds.Multiple
                ? (null, "The question needs an answer.")
                : (new RecordedAnswer(question.Kind, [], ""), null);
        }
        return question.Kind switch
        {
            AnswerKinds.Single => Single(question, json),
            AnswerKinds.Multiple => Multiple(question, json),
            AnswerKinds.Text => FreeText(question, json),
            AnswerKinds.Number => Number(question, json),
            AnswerKinds.Date => Date(json),
            AnswerKinds.Rating => Rating(json),
            _ => (null, "The question's kind is unknown."),
        };
    }

    private static (RecordedAnswer?, string?) Single(QuestionStep question, JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.String)
        {
            return (null, "A single choice is answered with one option's value (a string).");
        }
        var option = Option(question, json.GetString()!);
        return option is null
            ? (null, $"The answer is one of: {string.Join(", ", question.Options!.Select(o => o.Value))}.")
            : (new RecordedAnswer(AnswerKinds.Single, [option.Value], option.Label), null);
    }

    private static (RecordedAnswer?, string?) Multiple(QuestionStep question, JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Array || json.GetArrayLength() is 0 || json.GetArrayLength() > question.Options!.Count
            || json.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            return (null, "A multiple choice is answered with a list of one or more options' values.");
        }
        var chosen = json.EnumerateArray().Select(v => Option(question, v.GetString()!)).ToList();
        if (chosen.Any(o => o is null) || chosen.Distinct().Count() != chosen.Count)
        {
            return (null, $"Each answer is a different one of: {string.Join(", ", question.Options!.Select(o => o.Value))}.");
        }
        return (new RecordedAnswer(AnswerKinds.Multiple, chosen.Select(o => o!.Value).ToList(), string.Join("; ", chosen.Select(o => o!.Label))), null);
    }

    private static (RecordedAnswer?, string?) FreeText(QuestionStep question, JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.String)
        {
            return (null, "A text question is answered with text (a string).");
        }
        var text = json.GetString()!.Trim();
        if (text.Length > Limits.MaxTextAnswerLength || Text.HasControlCharacters(text))
        {
            return (null, $"A text answer has at most {Limits.MaxTextAnswerLength} characters and no control characters.");
        }
        if (text.Length == 0 && question.Required)
        {
            return (null, "The question needs an answer.");
        }
        return (new RecordedAnswer(AnswerKinds.Text, [text], text), null);
    }

    private static (RecordedAnswer?, string?) Number(QuestionStep question, JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Number || !json.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            return (null, "A number question is answered with a number.");
        }
        if (number < question.Min || number > question.Max)
        {
            return (null, $"The answer is between {question.Min?.ToString(CultureInfo.InvariantCulture) ?? "any"} and {question.Max?.ToString(CultureInfo.InvariantCulture) ?? "any"}.");
        }
        var text = number.ToString(CultureInfo.InvariantCulture);
        return (new RecordedAnswer(AnswerKinds.Number, [text], text), null);
    }

    private static (RecordedAnswer?, string?) Date(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.String
            || !DateOnly.TryParseExact(json.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (null, "A date question is answered with a date, yyyy-MM-dd.");
        }
        var text = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (new RecordedAnswer(AnswerKinds.Date, [text], text), null);
    }

    private static (RecordedAnswer?, string?) Rating(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Number || !json.TryGetInt32(out var rating) || rating is < 1 or > 5)
        {
            return (null, "A rating is a whole number from 1 to 5.");
        }
        var text = rating.ToString(CultureInfo.InvariantCulture);
        return (new RecordedAnswer(AnswerKinds.Rating, [text], text), null);
    }

    private static ChoiceOption? Option(QuestionStep question, string value) =>
        question.Options!.FirstOrDefault(o => string.Equals(o.Value, value, StringComparison.Ordinal));
}

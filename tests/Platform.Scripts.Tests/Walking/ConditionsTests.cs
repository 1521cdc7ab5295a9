using Platform.Scripts.Tests.Support;

namespace Platform.Scripts.Tests.Walking;

public sealed class ConditionsTests
{
    private static readonly SessionState State = new("x", [], [], new Dictionary<string, RecordedAnswer>
    {
        ["age"] = new(AnswerKinds.Number, ["42"], "42"),
        ["colours"] = new(AnswerKinds.Multiple, ["red", "blue"], "Red; Blue"),
        ["notes"] = new(AnswerKinds.Text, ["Call after six"], "Call after six"),
    }, []);

    [Theory]
    [InlineData("answers.age", "gt", "41", true)]
    [InlineData("answers.age", "gt", "42", false)]
    [InlineData("answers.age", "gte", "42", true)]
    [InlineData("answers.age", "lt", "42.5", true)]
    [InlineData("answers.age", "lte", "41", false)]
    [InlineData("answers.age", "equals", "42", true)]
    [InlineData("answers.age", "not_equals", "42", false)]
    [InlineData("answers.colours", "contains", "blue", true)]
    [InlineData("answers.colours", "contains", "green", false)]
    [InlineData("answers.colours", "equals", "red", false)]
    [InlineData("answers.notes", "contains", "AFTER", true)]
    [InlineData("answers.notes", "answered", null, true)]
    [InlineData("answers.missing", "not_answered", null, true)]
    [InlineData("answers.missing", "gt", "0", false)]
    [InlineData("contact.name", "equals", "jana nováková", true)]
    [InlineData("contact.phone", "not_answered", null, true)]
    public void A_condition_tests_answers_and_known_values(string variable, string op, string? value, bool holds)
    {
        Assert.Equal(holds, Conditions.Holds(new Condition(variable, op, value), Samples.Variables, State));
    }
}

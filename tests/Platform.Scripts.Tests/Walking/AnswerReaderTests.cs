using Platform.Scripts.Tests.Support;

namespace Platform.Scripts.Tests.Walking;

public sealed class AnswerReaderTests
{
    private static readonly ChoiceOption[] Colours = [new("red", "Red"), new("blue", "Blue"), new("green", "Green")];

    private static (RecordedAnswer? Answer, string? Error) Read(string kind, object? value, double? min = null, double? max = null, bool required = true) =>
        AnswerReader.Read(new QuestionStep("q", "?", kind, kind is AnswerKinds.Single or AnswerKinds.Multiple ? Colours : null, "end", min, max, required),
            value is null ? null : Samples.Json(value));

    [Fact]
    public void A_multiple_choice_takes_distinct_known_values_and_reads_as_labels_joined()
    {
        var (answer, _) = Read(AnswerKinds.Multiple, new[] { "red", "green" });

        Assert.Equal(["red", "green"], answer!.Values);
        Assert.Equal("Red; Green", answer.Text);
        Assert.NotNull(Read(AnswerKinds.Multiple, new[] { "red", "red" }).Error);
        Assert.NotNull(Read(AnswerKinds.Multiple, Array.Empty<string>()).Error);
        Assert.NotNull(Read(AnswerKinds.Multiple, "red").Error);
        Assert.NotNull(Read(AnswerKinds.Multiple, new[] { "purple" }).Error);
    }

    [Theory]
    [InlineData(AnswerKinds.Rating, 5, "5")]
    [InlineData(AnswerKinds.Number, 12.5, "12.5")]
    [InlineData(AnswerKinds.Date, "2026-12-24", "2026-12-24")]
    [InlineData(AnswerKinds.Text, "  call after six  ", "call after six")]
    [InlineData(AnswerKinds.Single, "blue", "Blue")]
    public void Well_typed_answers_are_recorded(string kind, object value, string text)
    {
        Assert.Equal(text, Read(kind, value).Answer!.Text);
    }

    [Theory]
    [InlineData(AnswerKinds.Rating, 0)]
    [InlineData(AnswerKinds.Rating, 6)]
    [InlineData(AnswerKinds.Rating, 2.5)]
    [InlineData(AnswerKinds.Rating, "5")]
    [InlineData(AnswerKinds.Number, "12")]
    [InlineData(AnswerKinds.Number, true)]
    [InlineData(AnswerKinds.Date, "24.12.2026")]
    [InlineData(AnswerKinds.Date, "2026-02-30")]
    [InlineData(AnswerKinds.Text, 42)]
    [InlineData(AnswerKinds.Text, "bad\u0000nul")]
    [InlineData(AnswerKinds.Text, "   ")]
    [InlineData(AnswerKinds.Single, "Blue")]
    public void Answers_of_the_wrong_type_are_refused(string kind, object value)
    {
        Assert.NotNull(Read(kind, value).Error);
    }

    [Fact]
    public void A_number_respects_its_range_and_an_optional_question_may_be_skipped()
    {
        Assert.NotNull(Read(AnswerKinds.Number, 5, min: 10).Error);
        Assert.NotNull(Read(AnswerKinds.Number, 50, max: 10).Error);
        Assert.Empty(Read(AnswerKinds.Text, null, required: false).Answer!.Values);
        Assert.NotNull(Read(AnswerKinds.Text, null).Error);
    }
}

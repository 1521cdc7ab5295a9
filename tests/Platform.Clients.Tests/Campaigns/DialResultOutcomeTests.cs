using Platform.Clients.Campaigns;
using Platform.Clients.Dispositions;
using Platform.Clients.Recycling;
using Xunit;

namespace Platform.Clients.Tests.Campaigns;

public sealed class DialResultOutcomeTests
{
    [Theory]
    [InlineData("no_answer", DispositionCategory.NoAnswer)]
    [InlineData("busy", DispositionCategory.Busy)]
    [InlineData("answering_machine", DispositionCategory.AnsweringMachine)]
    [InlineData("failed", DispositionCategory.NoAnswer)]
    [InlineData("dropped", DispositionCategory.NoAnswer)]
    public void Results_nobody_took_are_attempts_the_rules_rest_and_count(string result, DispositionCategory category)
    {
        var mapping = DialResultOutcome.Of(result);
        Assert.Equal(category, mapping.Category);
        Assert.True(RecyclingRules.IsAttempt(category));
        Assert.Null(mapping.ClosesBecause);
    }

    [Theory]
    [InlineData("fax")]
    [InlineData("invalid_number")]
    public void A_number_that_never_reaches_a_person_closes_the_contact(string result) =>
        Assert.NotNull(DialResultOutcome.Of(result).ClosesBecause);

    [Fact]
    public void A_skipped_preview_records_nothing_on_the_contact() => Assert.Null(DialResultOutcome.Of("skipped").Category);
}

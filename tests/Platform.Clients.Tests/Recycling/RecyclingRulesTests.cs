using NodaTime;
using Platform.Clients.Dispositions;
using Platform.Clients.Recycling;
using Xunit;

namespace Platform.Clients.Tests.Recycling;

public sealed class RecyclingRulesTests
{
    private static readonly DateTimeZone Prague = DateTimeZoneProviders.Tzdb["Europe/Prague"];
    private static readonly Instant Monday10 = Instant.FromUtc(2026, 11, 23, 9, 0); // 10:00 in Prague
    private static readonly RecyclingRules Rules = RecyclingRules.Default;

    private static RecyclingRules.Attempt At(Instant at, DispositionCategory category) => new(at, category);

    [Fact]
    public void A_contact_never_called_may_be_called_now()
    {
        Assert.Equal(new RecyclingRules.Verdict(null, null), Rules.Judge([], Prague, Monday10));
    }

    [Theory]
    [InlineData(DispositionCategory.Busy, 30)]
    [InlineData(DispositionCategory.NoAnswer, 120)]
    [InlineData(DispositionCategory.AnsweringMachine, 240)]
    public void After_an_unanswered_call_the_contact_rests_for_its_categorys_delay(DispositionCategory category, int minutes)
    {
        var verdict = Rules.Judge([At(Monday10, category)], Prague, Monday10 + Duration.FromMinutes(1));

        Assert.Equal(Monday10 + Duration.FromMinutes(minutes), verdict.EligibleFrom);
        Assert.Null(Rules.Judge([At(Monday10, category)], Prague, Monday10 + Duration.FromMinutes(minutes)).EligibleFrom);
    }

    [Fact]
    public void The_days_limit_rests_the_contact_until_the_start_of_its_next_day()
    {
        var verdict = Rules.Judge([At(Monday10, DispositionCategory.Busy), At(Monday10 + Duration.FromHours(1), DispositionCategory.Busy)],
            Prague, Monday10 + Duration.FromHours(2));

        Assert.Equal(new LocalDate(2026, 11, 24).AtStartOfDayInZone(Prague).ToInstant(), verdict.EligibleFrom);
    }

    [Fact]
    public void The_day_is_the_contacts_own_day()
    {
        var newYork = DateTimeZoneProviders.Tzdb["America/New_York"];
        // 23:30 and 00:30 UTC are the same evening in New York (18:30, 19:30): two calls that day.
        var verdict = Rules.Judge([At(Instant.FromUtc(2026, 11, 23, 23, 30), DispositionCategory.Busy), At(Instant.FromUtc(2026, 11, 24, 0, 30), DispositionCategory.Busy)],
            newYork, Instant.FromUtc(2026, 11, 24, 1, 30));

        Assert.Equal(new LocalDate(2026, 11, 24).AtStartOfDayInZone(newYork).ToInstant(), verdict.EligibleFrom);
    }

    [Fact]
    public void At_the_total_limit_the_contact_is_closed_with_the_reason()
    {
        var attempts = Enumerable.Range(0, 6).Select(d => At(Monday10 + Duration.FromDays(d), DispositionCategory.NoAnswer)).ToList();

        var verdict = Rules.Judge(attempts, Prague, Monday10 + Duration.FromDays(7));

        Assert.Equal("closed after 6 attempts (the project allows 6)", verdict.ClosedBecause);
        Assert.Null(Rules.Judge(attempts[..5], Prague, Monday10 + Duration.FromDays(7)).ClosedBecause);
    }

    [Fact]
    public void Conversations_that_reached_a_decision_do_not_count_against_the_limits()
    {
        var attempts = Enumerable.Range(0, 10).Select(d => At(Monday10 + Duration.FromHours(d), DispositionCategory.Resolved)).ToList();

        Assert.Equal(new RecyclingRules.Verdict(null, null), Rules.Judge(attempts, Prague, Monday10 + Duration.FromHours(11)));
    }

    [Fact]
    public void The_rules_document_refuses_what_makes_no_sense_field_by_field()
    {
        var (rules, errors) = new RecyclingDocument(new() { ["no_answer"] = -1, ["shouting"] = 5 }, 0, 3).ToRules();

        Assert.Null(rules);
        Assert.Equal(["maxAttempts", "maxAttemptsPerDay", "retryDelayMinutes.no_answer", "retryDelayMinutes.shouting"], errors.Keys.Order());
        var (fine, _) = RecyclingDocument.From(RecyclingRules.Default).ToRules();
        Assert.Equal(RecyclingRules.Default.RetryDelays, fine!.RetryDelays);
    }
}

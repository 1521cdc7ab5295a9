using NodaTime;
using Platform.Clients.Dispositions;
using Platform.Clients.Recycling;
using Xunit;

namespace Platform.Clients.Tests.Recycling;

/// <summary>"Not interested" and a fresh contract keep a contact out of the lists until the project's rest is over.</summary>
public sealed class DecisionRestTests
{
    private static readonly DateTimeZone Prague = DateTimeZoneProviders.Tzdb["Europe/Prague"];
    private static readonly Instant Monday10 = Instant.FromUtc(2026, 11, 23, 9, 0);

    private static RecyclingRules.Attempt At(Instant at, DispositionCategory category) => new(at, category);

    [Theory]
    [InlineData(DispositionCategory.NotInterested, 90)]
    [InlineData(DispositionCategory.Sale, 30)]
    public void A_decision_rests_the_contact_for_the_default_rest(DispositionCategory decision, int days)
    {
        var rules = RecyclingRules.Default;

        var verdict = rules.Judge([At(Monday10, DispositionCategory.NoAnswer), At(Monday10 + Duration.FromHours(3), decision)], Prague,
            Monday10 + Duration.FromHours(4));

        Assert.Equal(Monday10 + Duration.FromHours(3) + Duration.FromDays(days), verdict.EligibleFrom);
        Assert.Null(rules.Judge([At(Monday10, decision)], Prague, Monday10 + Duration.FromDays(days)).EligibleFrom);
    }

    [Fact]
    public void The_projects_own_rests_replace_the_defaults_and_none_means_no_rest()
    {
        var (rules, errors) = new RecyclingDocument(null, 6, 2, new Dictionary<string, int> { ["not_interested"] = 14 }).ToRules();

        Assert.Empty(errors);
        Assert.Equal(Monday10 + Duration.FromDays(14), rules!.Judge([At(Monday10, DispositionCategory.NotInterested)], Prague, Monday10).EligibleFrom);
        Assert.Null(rules.Judge([At(Monday10, DispositionCategory.Sale)], Prague, Monday10 + Duration.FromMinutes(1)).EligibleFrom);
        var (none, _) = new RecyclingDocument(null, 6, 2, []).ToRules();
        Assert.Null(none!.Judge([At(Monday10, DispositionCategory.NotInterested)], Prague, Monday10 + Duration.FromMinutes(1)).EligibleFrom);
    }

    [Fact]
    public void A_later_attempt_is_judged_by_its_own_delay_not_by_an_older_decision()
    {
        var verdict = RecyclingRules.Default.Judge(
            [At(Monday10, DispositionCategory.NotInterested), At(Monday10 + Duration.FromDays(91), DispositionCategory.Busy)],
            Prague, Monday10 + Duration.FromDays(91) + Duration.FromMinutes(1));

        Assert.Equal(Monday10 + Duration.FromDays(91) + Duration.FromMinutes(30), verdict.EligibleFrom);
    }

    [Theory]
    [InlineData("no_answer")]
    [InlineData("do_not_call")]
    [InlineData("nonsense")]
    public void A_rest_is_set_for_decisions_only(string category)
    {
        var (rules, errors) = new RecyclingDocument(null, 6, 2, new Dictionary<string, int> { [category] = 5 }).ToRules();

        Assert.Null(rules);
        Assert.Contains($"restDays.{category}", errors.Keys);
    }

    [Fact]
    public void The_stored_rules_say_their_rests()
    {
        var written = RecyclingDocument.From(RecyclingRules.Default);

        Assert.Equal(new Dictionary<string, int> { ["not_interested"] = 90, ["sale"] = 30 }, written.RestDays);
    }
}

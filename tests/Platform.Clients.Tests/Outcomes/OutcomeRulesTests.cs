using Platform.Clients.Dispositions;
using Platform.Clients.Outcomes;
using Xunit;

namespace Platform.Clients.Tests.Outcomes;

public sealed class OutcomeRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string[]> Errors(string? disposition, DateTimeOffset? next = null, string? notes = null, int? duration = null, bool personal = false) =>
        OutcomeRules.Check(new OutcomesApi.RecordOutcomeRequest(disposition, notes, duration, next, null, personal), Disposition.Defaults, Now).Errors;

    [Fact]
    public void A_disposition_of_the_catalogue_is_recorded() => Assert.Empty(Errors("not_interested"));

    [Fact]
    public void An_unknown_disposition_is_refused_naming_the_known_ones() =>
        Assert.Contains("meeting_set", Errors("teleported")["disposition"][0]);

    [Theory]
    [InlineData("callback")]
    [InlineData("meeting_set")]
    [InlineData("interested")]
    public void Dispositions_that_agree_a_next_call_need_its_date(string code)
    {
        Assert.Contains("nextContactAt", Errors(code).Keys);
        Assert.Empty(Errors(code, Now.AddDays(2)));
    }

    [Fact]
    public void The_next_contact_lies_ahead_but_not_beyond_two_years()
    {
        Assert.Contains("nextContactAt", Errors("callback", Now.AddHours(-1)).Keys);
        Assert.Contains("nextContactAt", Errors("callback", Now.AddYears(3)).Keys);
    }

    [Fact]
    public void Notes_may_have_line_breaks_but_no_other_control_characters()
    {
        Assert.Empty(Errors("resolved", notes: "Asked about prices.\nWill call again.\tThanks"));
        Assert.Contains("notes", Errors("resolved", notes: "bell\u0007").Keys);
        Assert.Contains("notes", Errors("resolved", notes: new string('x', OutcomeRules.MaxNotesLength + 1)).Keys);
    }

    [Fact]
    public void A_personal_callback_needs_its_date_and_durations_are_sane()
    {
        Assert.Contains("personalCallback", Errors("no_answer", personal: true).Keys);
        Assert.Contains("durationSeconds", Errors("no_answer", duration: -1).Keys);
        Assert.Empty(Errors("no_answer", duration: 240));
    }
}

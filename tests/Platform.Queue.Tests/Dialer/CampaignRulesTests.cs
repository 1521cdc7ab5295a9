using Platform.Queue.Dialer.Campaigns;
using Platform.Queue.Dialer.Pacing;
using Xunit;

namespace Platform.Queue.Tests.Dialer;

public sealed class CampaignRulesTests
{
    private static CampaignDefinition Valid() => new(Guid.NewGuid(), " Winter renewals ", "predictive", "+420 222 000 111",
        new CampaignSource("search", ["hot_potential"], true), [Guid.NewGuid()], [], new CampaignHours(new TimeOnly(9, 0), new TimeOnly(17, 0)), null, null);

    [Fact]
    public void A_valid_definition_gets_its_defaults_and_an_E164_caller_id()
    {
        var (campaign, errors) = Valid().Check();
        Assert.Empty(errors);
        Assert.Equal(("Winter renewals", DialMode.Predictive, "+420222000111", 3.0, 25), (campaign!.Name, campaign.Mode, campaign.CallerId, campaign.AbandonCapPercent, campaign.RingSeconds));
    }

    [Theory]
    [InlineData("dialMode")]
    [InlineData("callerId")]
    [InlineData("hours")]
    [InlineData("abandonCapPercent")]
    [InlineData("ringSeconds")]
    [InlineData("source.statuses")]
    [InlineData("name")]
    public void Each_bad_field_is_named(string field)
    {
        var bad = field switch
        {
            "dialMode" => Valid() with { DialMode = "auto" },
            "callerId" => Valid() with { CallerId = "12" },
            "hours" => Valid() with { Hours = new CampaignHours(new TimeOnly(17, 0), new TimeOnly(9, 0)) },
            "abandonCapPercent" => Valid() with { AbandonCapPercent = 0 },
            "ringSeconds" => Valid() with { RingSeconds = 2 },
            "source.statuses" => Valid() with { Source = new CampaignSource("search", ["do_not_call"], null) },
            _ => Valid() with { Name = "  " },
        };
        var (campaign, errors) = bad.Check();
        Assert.Null(campaign);
        Assert.Equal(field, Assert.Single(errors).Key);
    }

    [Fact]
    public void A_call_list_campaign_names_its_list_and_only_it_does()
    {
        var list = Guid.NewGuid();
        var (campaign, _) = (Valid() with { Source = new CampaignSource("call_list", ["hot_potential"], true, list) }).Check();
        Assert.Equal(("call_list", list, true), (campaign!.SourceKind, campaign.CallListId, campaign.VipOnly));

        foreach (var bad in new[] { new CampaignSource("call_list", null, null), new CampaignSource("call_list", null, null, Guid.Empty),
                     new CampaignSource("search", null, true, list), new CampaignSource("project_list", null, null, list) })
        {
            var (refused, errors) = (Valid() with { Source = bad }).Check();
            Assert.Null(refused);
            Assert.Equal("source.callListId", Assert.Single(errors).Key);
        }
    }

    [Theory]
    [InlineData("preview", null, null)]
    [InlineData("progressive", null, null)]
    [InlineData("predictive", null, "dialMode")]
    [InlineData("progressive", "potential", "source.kind")]
    public void A_plan_campaign_dials_for_one_agent_at_a_time_and_takes_the_plans_as_drawn(string mode, string? status, string? refusedField)
    {
        var (campaign, errors) = (Valid() with { DialMode = mode, Source = new CampaignSource("daily_plan", status is null ? null : [status], null) }).Check();
        Assert.Equal(refusedField, errors.Keys.SingleOrDefault());
        Assert.Equal(refusedField is null ? "daily_plan" : null, campaign?.SourceKind);
    }

    [Theory]
    [InlineData("draft", CampaignState.Command.Start, true, "running")]
    [InlineData("running", CampaignState.Command.Pause, true, "paused")]
    [InlineData("paused", CampaignState.Command.Start, true, "running")]
    [InlineData("paused", CampaignState.Command.Stop, true, "stopped")]
    [InlineData("draft", CampaignState.Command.Stop, true, "stopped")]
    [InlineData("running", CampaignState.Command.Start, false, "running")]
    [InlineData("draft", CampaignState.Command.Pause, false, "draft")]
    [InlineData("stopped", CampaignState.Command.Start, false, "stopped")]
    [InlineData("stopped", CampaignState.Command.Stop, false, "stopped")]
    public void Campaign_moves_are_the_states_diagram(string from, CampaignState.Command command, bool allowed, string to)
    {
        var move = CampaignState.Decide(from, command);
        Assert.Equal((allowed, to), (move.Allowed, move.To));
        Assert.Equal(allowed, move.Refusal is null);
    }

    [Fact]
    public void Only_a_campaign_that_does_not_dial_is_editable() =>
        Assert.Equal(["draft", "paused"], new[] { "draft", "running", "paused", "stopped" }.Where(CampaignState.IsEditable));
}

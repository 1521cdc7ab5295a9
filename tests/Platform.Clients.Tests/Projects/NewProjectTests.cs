using Platform.Clients.Projects;
using Platform.Contracts.Projects;
using Xunit;

namespace Platform.Clients.Tests.Projects;

public sealed class NewProjectTests
{
    [Theory]
    [InlineData("inbound", ProjectDirection.Inbound)]
    [InlineData("Outbound", ProjectDirection.Outbound)]
    [InlineData("BLENDED", ProjectDirection.Blended)]
    public void A_project_takes_any_casing_of_its_direction(string direction, ProjectDirection expected)
    {
        var (project, errors) = NewProject.From("Hotline", direction, "Europe/Prague");

        Assert.Empty(errors);
        Assert.Equal(expected, project!.Direction);
    }

    [Fact]
    public void The_name_is_trimmed()
    {
        var (project, _) = NewProject.From("  Acme hotline  ", "inbound", "UTC");
        Assert.Equal("Acme hotline", project!.Name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Tab\there")]
    public void A_missing_or_unprintable_name_is_refused(string? name)
    {
        var (project, errors) = NewProject.From(name, "inbound", "UTC");

        Assert.Null(project);
        Assert.Equal(["name"], errors.Keys);
    }

    [Fact]
    public void A_name_may_have_200_characters_but_not_201()
    {
        Assert.Empty(NewProject.From(new string('a', NewProject.MaxNameLength), "inbound", "UTC").Errors);
        Assert.Contains("name", NewProject.From(new string('a', NewProject.MaxNameLength + 1), "inbound", "UTC").Errors.Keys);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sideways")]
    [InlineData("0")]
    [InlineData("2")]
    [InlineData("inbound,outbound")]
    public void A_direction_outside_the_three_is_refused(string? direction)
    {
        var (_, errors) = NewProject.From("Hotline", direction, "UTC");
        Assert.Equal(["direction"], errors.Keys);
    }

    [Theory]
    [InlineData("Europe/Prague")]
    [InlineData("America/Argentina/Buenos_Aires")]
    [InlineData("Asia/Kolkata")]
    [InlineData("UTC")]
    public void An_iana_time_zone_is_accepted(string timeZone)
    {
        Assert.Empty(NewProject.From("Hotline", "inbound", timeZone).Errors);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("CET+1")]
    [InlineData("+02:00")]
    [InlineData("Europe/Atlantis")]
    public void Anything_but_an_iana_time_zone_is_refused(string? timeZone)
    {
        var (_, errors) = NewProject.From("Hotline", "inbound", timeZone);
        Assert.Equal(["timeZone"], errors.Keys);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var (project, errors) = NewProject.From("", "sideways", "nowhere");

        Assert.Null(project);
        Assert.Equal(["direction", "name", "timeZone"], errors.Keys.Order());
    }

    [Fact]
    public void The_country_of_phone_numbers_comes_from_the_time_zone_unless_given()
    {
        Assert.Equal("CZ", NewProject.From("Hotline", "inbound", "Europe/Prague").Project!.Country);
        Assert.Equal("DE", NewProject.From("Hotline", "inbound", "Europe/Prague", country: "DE").Project!.Country);
        Assert.Null(NewProject.From("Hotline", "inbound", "UTC").Project!.Country);
        Assert.Contains("country", NewProject.From("Hotline", "inbound", "UTC", country: "XX").Errors.Keys);
    }

    [Fact]
    public void The_cooldown_is_90_days_unless_set_within_ten_years()
    {
        Assert.Equal(90, NewProject.From("Hotline", "inbound", "UTC").Project!.CooldownDays);
        Assert.Equal(0, NewProject.From("Hotline", "inbound", "UTC", cooldownDays: 0).Project!.CooldownDays);
        Assert.Contains("cooldownDays", NewProject.From("Hotline", "inbound", "UTC", cooldownDays: -1).Errors.Keys);
        Assert.Contains("cooldownDays", NewProject.From("Hotline", "inbound", "UTC", cooldownDays: 3651).Errors.Keys);
    }
}

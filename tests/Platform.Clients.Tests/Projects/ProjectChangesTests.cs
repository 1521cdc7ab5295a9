using Platform.Clients.Projects;
using Xunit;

namespace Platform.Clients.Tests.Projects;

public sealed class ProjectChangesTests
{
    [Fact]
    public void Name_country_and_cooldown_may_change_with_the_rules_of_onboarding()
    {
        var (changes, errors) = ProjectChanges.From("  Acme hotline 2027 ", "SK", 30, "Europe/Prague");

        Assert.Empty(errors);
        Assert.Equal(new ProjectChanges("Acme hotline 2027", "SK", 30), changes);
    }

    [Fact]
    public void A_left_out_country_is_the_zone_country_again()
    {
        var (changes, _) = ProjectChanges.From("Acme", null, 90, "Europe/Berlin");
        Assert.Equal("DE", changes!.Country);
    }

    [Fact]
    public void Every_wrong_field_is_named_at_once_and_the_cooldown_is_required()
    {
        var (changes, errors) = ProjectChanges.From("", "XX", null, "Europe/Prague");

        Assert.Null(changes);
        Assert.Equal(["cooldownDays", "country", "name"], errors.Keys.Order());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3651)]
    public void A_cooldown_outside_ten_years_is_refused(int days)
    {
        var (_, errors) = ProjectChanges.From("Acme", null, days, "Europe/Prague");
        Assert.Equal(["cooldownDays"], errors.Keys);
    }

    [Theory]
    [InlineData(90, 30, -60)]
    [InlineData(30, 90, 60)]
    [InlineData(90, 90, 0)]
    public void Clients_already_waiting_wait_the_new_cooldown_from_when_their_contract_ended(int before, int after, int shift)
    {
        Assert.Equal(shift, ProjectChanges.ShiftDays(before, after));
    }
}

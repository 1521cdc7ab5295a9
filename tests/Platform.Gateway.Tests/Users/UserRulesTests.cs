using Platform.Gateway.Users;
using Platform.ServiceDefaults.Auth;
using Xunit;

namespace Platform.Gateway.Tests.Users;

public sealed class UserRulesTests
{
    private static Dictionary<string, string[]> Profile(string? name, string[]? roles, Guid[]? projects)
    {
        var errors = new Dictionary<string, string[]>();
        UserRules.CheckProfile(name, roles, projects, errors);
        return errors;
    }

    [Fact]
    public void The_call_centers_own_people_need_no_projects() =>
        Assert.Empty(Profile("Jana Nováková", [Roles.Supervisor, Roles.Agent], null));

    [Fact]
    public void A_client_viewer_needs_at_least_one_project()
    {
        Assert.Contains("projectIds", Profile("Client", [Roles.ClientViewer], null).Keys);
        Assert.Contains("projectIds", Profile("Client", [Roles.ClientViewer], [Guid.Empty]).Keys);
        Assert.Empty(Profile("Client", [Roles.ClientViewer], [Guid.NewGuid()]));
    }

    [Fact]
    public void A_client_viewer_holds_no_other_role() =>
        Assert.Contains("roles", Profile("Client", [Roles.ClientViewer, Roles.Admin], [Guid.NewGuid()]).Keys);

    [Fact]
    public void Projects_on_anyone_but_a_client_viewer_are_refused() =>
        Assert.Contains("projectIds", Profile("Agent", [Roles.Agent], [Guid.NewGuid()]).Keys);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("root")]
    [InlineData("agent,Agent")]
    public void Roles_come_from_the_four_the_trade_knows(string? roles) =>
        Assert.Contains("roles", Profile("X", roles?.Split(',', StringSplitOptions.RemoveEmptyEntries), null).Keys);

    [Theory]
    [InlineData("agent1", true)]
    [InlineData("jana.novakova", true)]
    [InlineData("a", false)]
    [InlineData("Agent1", false)]
    [InlineData("-agent", false)]
    [InlineData("agent 1", false)]
    public void Usernames_are_short_lower_case_words(string username, bool valid)
    {
        var errors = new Dictionary<string, string[]>();
        UserRules.CheckUsername(username, errors);
        Assert.Equal(valid, errors.Count == 0);
    }

    [Theory]
    [InlineData("short", false)]
    [InlineData("long enough pass", true)]
    [InlineData("tab\tinside pass", false)]
    public void Passwords_have_a_minimum_length_and_no_control_characters(string password, bool valid)
    {
        var errors = new Dictionary<string, string[]>();
        UserRules.CheckPassword(password, errors);
        Assert.Equal(valid, errors.Count == 0);
    }
}

using Platform.Clients.Contacts;
using Xunit;

namespace Platform.Clients.Tests.Contacts;

public sealed class ContactVersionTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("*")]
    [InlineData("\"7\"")]
    [InlineData("\"6\", \"7\"")]
    public void An_edit_goes_ahead_without_a_condition_or_on_the_version_it_names(string? ifMatch)
    {
        Assert.True(ContactVersion.Allows(ifMatch, 7));
    }

    [Theory]
    [InlineData("\"6\"")]
    [InlineData("W/\"7\"")]   // If-Match compares strongly: a weak tag never matches
    [InlineData("7")]         // not a quoted tag
    [InlineData("garbage")]
    public void An_edit_made_on_another_version_is_refused(string ifMatch)
    {
        Assert.False(ContactVersion.Allows(ifMatch, 7));
    }

    [Fact]
    public void The_tag_is_the_quoted_version()
    {
        Assert.Equal("\"12\"", ContactVersion.ETag(12));
    }
}

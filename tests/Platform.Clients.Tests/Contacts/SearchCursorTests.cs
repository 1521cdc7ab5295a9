using Platform.Clients.Contacts;
using Xunit;

namespace Platform.Clients.Tests.Contacts;

public sealed class SearchCursorTests
{
    [Theory]
    [InlineData("Jana Nováková")]
    [InlineData("")]
    [InlineData("O'Brien, \"Pat\" / +?")]
    public void A_cursor_reads_back_as_the_position_it_was_made_from(string name)
    {
        var id = Guid.NewGuid();
        Assert.Equal(new SearchCursor.Position(name, id), SearchCursor.Read(SearchCursor.Write(name, id)));
    }

    [Theory]
    [InlineData("not a cursor!")]
    [InlineData("c2hvcnQ")]
    public void Anything_else_is_no_cursor(string token) => Assert.Null(SearchCursor.Read(token));
}

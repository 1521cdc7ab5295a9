using Platform.Clients.Companies;
using Xunit;

namespace Platform.Clients.Tests.Companies;

public sealed class ClientCompanyNameTests
{
    [Fact]
    public void A_name_is_trimmed_and_kept_as_written()
    {
        Assert.Equal(("O'Brien & Sons", null), ClientCompanyName.Read("  O'Brien & Sons "));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("Acme\u0000")]
    [InlineData("Line\nbreak")]
    public void A_missing_or_unprintable_name_is_refused(string? name)
    {
        var (read, problem) = ClientCompanyName.Read(name);
        Assert.Null(read);
        Assert.NotNull(problem);
    }

    [Fact]
    public void A_name_of_more_than_200_characters_is_refused()
    {
        Assert.NotNull(ClientCompanyName.Read(new string('a', 200)).Name);
        Assert.Null(ClientCompanyName.Read(new string('a', 201)).Name);
    }
}

using Platform.Clients.Contacts;
using Xunit;

namespace Platform.Clients.Tests.Contacts;

public sealed class ContactPhoneTests
{
    [Theory]
    [InlineData("+420 601 123 456", "CZ", "+420601123456", "CZ", "Europe/Prague")]
    [InlineData("601 123 456", "CZ", "+420601123456", "CZ", "Europe/Prague")]
    [InlineData("(212) 555-0123", "US", "+12125550123", "US", "America/New_York")]
    [InlineData("+44 20 7946 0958", "CZ", "+442079460958", "GB", "Europe/London")]
    public void Numbers_are_stored_in_e164_with_their_region_and_zone(string raw, string defaultRegion, string e164, string region, string zone)
    {
        var (number, problem) = ContactPhone.Normalise(raw, defaultRegion);
        Assert.Null(problem);
        Assert.Equal(new ContactPhone.Normalised(e164, region, zone), number);
    }

    [Fact]
    public void A_number_of_a_country_with_several_zones_gets_none()
    {
        var (number, _) = ContactPhone.Normalise("+1 800 555 0199", "US"); // toll-free: no single zone
        Assert.NotNull(number);
        Assert.Null(number!.TimeZone);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("123")]
    [InlineData("+420 12")]
    [InlineData("+999 123 456 789")]
    public void What_is_not_a_valid_number_is_refused_with_the_reason(string raw)
    {
        var (number, problem) = ContactPhone.Normalise(raw, "CZ");
        Assert.Null(number);
        Assert.False(string.IsNullOrWhiteSpace(problem));
    }
}

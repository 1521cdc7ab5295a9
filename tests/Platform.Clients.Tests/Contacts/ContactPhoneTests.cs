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
        Assert.Equal((e164, region, zone, zone), (number!.E164, number.Region, number.TimeZone, string.Join(",", number.AllZones)));
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

    [Theory]
    [InlineData("+61 412 345 678")]   // an Australian mobile
    [InlineData("+7 912 345 67 89")]  // a Russian mobile
    public void A_mobile_of_a_country_of_several_zones_has_no_one_zone_but_all_of_them(string raw)
    {
        var (number, _) = ContactPhone.Normalise(raw, "ZZ");

        Assert.Null(number!.TimeZone);
        Assert.True(number.AllZones.Length > 1, string.Join(", ", number.AllZones));
    }

    [Fact]
    public void Without_a_zone_of_its_own_a_contact_of_several_zones_is_called_in_all_of_them_and_a_given_zone_wins()
    {
        var (bare, _) = NewContact.From(null, "Bruce", null, "+61 412 345 678", null, null, null, "ZZ", "Europe/Prague");
        var (placed, _) = NewContact.From(null, "Bruce", null, "+61 412 345 678", "Australia/Perth", null, null, "ZZ", "Europe/Prague");

        Assert.Contains("Australia/Perth", bare!.CallingZones);
        Assert.Contains("Australia/Sydney", bare.CallingZones);
        Assert.Contains(bare.TimeZone, bare.CallingZones);
        Assert.Equal(("Australia/Perth", 0), (placed!.TimeZone, placed.CallingZones.Length));
    }
}

using NodaTime;
using Platform.Clients.Contacts;
using Xunit;

namespace Platform.Clients.Tests.Contacts;

/// <summary>A contact's zone from the region of their address, for numbers of countries that span several zones.</summary>
public sealed class AddressZonesTests
{
    private const string RussianMobile = "+7 912 345 67 89"; // libphonenumber gives a Russian mobile every zone of Russia

    private static NewContact Contact(string phone, string? region, string? timeZone = null)
    {
        var (contact, errors) = NewContact.From("person", "Anna", null, phone, timeZone, false, null, "CZ", "Europe/Prague", region);
        Assert.Empty(errors);
        return contact!;
    }

    [Fact]
    public void Every_region_of_the_four_countries_is_known_with_zones_the_time_zone_database_has()
    {
        var all = AddressZones.All.ToList();

        Assert.All(all.SelectMany(r => r.Value), zone => Assert.NotNull(DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone)));
        Assert.Equal(52, all.Count(r => r.Key.StartsWith("US-", StringComparison.Ordinal)));  // 50 states, DC, Puerto Rico
        Assert.Equal(8, all.Count(r => r.Key.StartsWith("AU-", StringComparison.Ordinal)));
        Assert.Equal(27, all.Count(r => r.Key.StartsWith("BR-", StringComparison.Ordinal)));
        Assert.Equal(83, all.Count(r => r.Key.StartsWith("RU-", StringComparison.Ordinal))); // the federal subjects ISO 3166-2 lists under RU
    }

    [Fact]
    public void A_russian_mobile_with_an_address_in_novosibirsk_is_called_in_novosibirsks_hours_not_the_narrowest_window_of_all_russia()
    {
        var without = Contact(RussianMobile, null);
        var inNovosibirsk = Contact(RussianMobile, "RU-NVS");
        var bareCode = Contact(RussianMobile, "nvs");

        Assert.True(without.CallingZones.Length > 5);
        Assert.Equal(("Asia/Novosibirsk", 0), (inNovosibirsk.TimeZone, inNovosibirsk.CallingZones.Length));
        Assert.Equal("Asia/Novosibirsk", bareCode.TimeZone);
        // Yakutia spans three zones; the mobile's own list (libphonenumber's) lacks Srednekolymsk, so the two they share remain.
        Assert.Equal(["Asia/Yakutsk", "Asia/Vladivostok", "Asia/Srednekolymsk"], AddressZones.Of("RU-SA", "RU")!);
        Assert.Equal(["Asia/Yakutsk", "Asia/Vladivostok"], Contact(RussianMobile, "RU-SA").CallingZones);
    }

    [Fact]
    public void A_region_of_two_zones_is_narrowed_by_the_numbers_own_zone_when_they_share_one()
    {
        Assert.Equal(["America/Chicago", "America/Denver"], Contact("+1 800 555 0199", "US-TX").CallingZones); // toll-free: Texas, both zones
        var austin = Contact("+1 512 555 0100", "US-TX");
        Assert.Equal(("America/Chicago", 0), (austin.TimeZone, austin.CallingZones.Length));
        Assert.Equal("America/Los_Angeles", Contact("+1 212 736 5000", "US-CA").TimeZone); // a New York number living in California
    }

    [Fact]
    public void An_explicit_zone_wins_a_region_of_a_country_not_covered_adds_nothing_and_an_unknown_region_is_refused()
    {
        Assert.Equal("Asia/Omsk", Contact(RussianMobile, "RU-NVS", "Asia/Omsk").TimeZone);
        Assert.Equal("Europe/Prague", Contact("+420 601 123 456", "CZ-10").TimeZone);
        var (contact, errors) = NewContact.From("person", "Anna", null, RussianMobile, null, false, null, "CZ", "Europe/Prague", "RU-XYZ");

        Assert.Null(contact);
        Assert.Contains("RU-MOW", errors["region"][0]);
    }
}

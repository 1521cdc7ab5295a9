using PhoneNumbers;

namespace Platform.Clients.Contacts;

/// <summary>Phone numbers in E.164, parsed and checked by libphonenumber, with the time zone the number belongs to when there is exactly one.</summary>
public static class ContactPhone
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <param name="TimeZone">The number's zone when it has exactly one.</param>
    /// <param name="Zones">Every zone libphonenumber gives the number (several for Russian, US, Australian, Brazilian mobiles).</param>
    public sealed record Normalised(string E164, string Region, string? TimeZone, string[]? Zones = null)
    {
        public string[] AllZones => Zones ?? (TimeZone is null ? [] : [TimeZone]);
    }

    /// <param name="defaultRegion">ISO 3166 country for numbers written without a country code (the project's country).</param>
    public static (Normalised? Number, string? Problem) Normalise(string? raw, string defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return (null, "A phone number is required.");
        }
        PhoneNumber number;
        try
        {
            number = Util.Parse(raw, defaultRegion);
        }
        catch (NumberParseException e)
        {
            return (null, $"Not a phone number ({e.ErrorType}).");
        }
        if (!Util.IsValidNumber(number))
        {
            return (null, $"Not a valid number in {Util.GetRegionCodeForNumber(number) ?? defaultRegion}.");
        }
        var zones = PhoneNumberToTimeZonesMapper.GetInstance().GetTimeZonesForNumber(number)
            .Where(zone => zone != "Etc/Unknown" && NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is not null).Distinct().ToList();
        return (new Normalised(Util.Format(number, PhoneNumberFormat.E164), Util.GetRegionCodeForNumber(number), zones.Count == 1 ? zones[0] : null, [.. zones]), null);
    }
}

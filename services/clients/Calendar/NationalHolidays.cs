using System.Collections.Concurrent;
using NodaTime;
using PublicHoliday;

namespace Platform.Clients.Calendar;

/// <summary>A country's public holidays, from the PublicHoliday library (its calendars by ISO 3166-1 code).</summary>
/// <remarks>
/// The services run with invariant globalization; the library builds an English culture for its holiday names, which that
/// mode refuses unless predefined cultures are not required (then it is the invariant culture under that name):
/// <c>PredefinedCulturesOnly</c> is false in the clients service's project (and in every test project that hosts it).
/// </remarks>
public static class NationalHolidays
{
    private static readonly ConcurrentDictionary<string, IPublicHolidays> Calendars = new();

    /// <summary>The codes the library knows (CZ, SK, DE, GB, US, …).</summary>
    public static IReadOnlyList<string> Countries { get; } = Enum.GetNames<PublicHolidayCountryCode>().Select(c => c.ToUpperInvariant()).ToArray();

    /// <summary>The ISO 3166-1 code in upper case, or null when the library has no calendar for it.</summary>
    public static string? Find(string code) =>
        Enum.TryParse<PublicHolidayCountryCode>(code, ignoreCase: true, out var known) && Enum.IsDefined(known) ? known.ToString().ToUpperInvariant() : null;

    public static bool IsHoliday(string country, LocalDate date) =>
        Calendars.GetOrAdd(country, PublicHolidayFactory.GetPublicHolidayForCountry).IsPublicHoliday(date.ToDateTimeUnspecified());
}

using NodaTime;
using Platform.Contracts.Projects;

namespace Platform.Clients.Projects;

/// <summary>The rules for setting up a project, as plain C#: every problem is reported at once, by field.</summary>
public sealed record NewProject(string Name, ProjectDirection Direction, string TimeZone, string? Country, int CooldownDays)
{
    public const int MaxNameLength = 200;
    public const int DefaultCooldownDays = 90;
    public const int MaxCooldownDays = 3650;

    /// <param name="country">ISO 3166 country of numbers written without a country code; by default the time zone's country
    /// (none for a zone of no country, such as UTC: then numbers need their country code).</param>
    /// <param name="cooldownDays">How long a churned client waits before being potential again; 90 days by default.</param>
    public static (NewProject? Project, Dictionary<string, string[]> Errors) From(string? name, string? direction, string? timeZone,
        string? country = null, int? cooldownDays = null)
    {
        var errors = new Dictionary<string, string[]>();
        var trimmedName = name?.Trim() ?? "";
        if (trimmedName.Length == 0)
        {
            errors["name"] = ["A project needs a name."];
        }
        else if (trimmedName.Length > MaxNameLength)
        {
            errors["name"] = [$"A project name has at most {MaxNameLength} characters."];
        }
        else if (trimmedName.Any(char.IsControl))
        {
            errors["name"] = ["A project name cannot contain control characters."];
        }

        // By name only: Enum.TryParse would also take numbers and flag lists such as "inbound,outbound".
        var parsedDirection = Enum.GetValues<ProjectDirection>()
            .FirstOrDefault(value => string.Equals(value.ToString(), direction, StringComparison.OrdinalIgnoreCase), (ProjectDirection)(-1));
        if (!Enum.IsDefined(parsedDirection))
        {
            errors["direction"] = ["Direction is one of: inbound, outbound, blended."];
        }

        if (string.IsNullOrWhiteSpace(timeZone) || DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone) is null)
        {
            errors["timeZone"] = ["Time zone must be an IANA zone id such as Europe/Prague."];
        }

        var zoneCountry = timeZone is null ? null : NodaTime.TimeZones.TzdbDateTimeZoneSource.Default.ZoneLocations?
            .FirstOrDefault(location => location.ZoneId == timeZone)?.CountryCode;
        var resolvedCountry = country ?? zoneCountry;
        if (country is not null && !PhoneNumbers.PhoneNumberUtil.GetInstance().GetSupportedRegions().Contains(country))
        {
            errors["country"] = ["Country must be an ISO 3166 code with a phone numbering plan, e.g. CZ, DE, US."];
        }
        if (cooldownDays is < 0 or > MaxCooldownDays)
        {
            errors["cooldownDays"] = [$"0 to {MaxCooldownDays} days."];
        }

        return errors.Count > 0
            ? (null, errors)
            : (new NewProject(trimmedName, parsedDirection, timeZone!, resolvedCountry, cooldownDays ?? DefaultCooldownDays), errors);
    }
}

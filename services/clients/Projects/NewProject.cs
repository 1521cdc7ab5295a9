using NodaTime;
using Platform.Contracts.Projects;

namespace Platform.Clients.Projects;

/// <summary>The rules for setting up a project, as plain C#: every problem is reported at once, by field.</summary>
public sealed record NewProject(string Name, ProjectDirection Direction, string TimeZone)
{
    public const int MaxNameLength = 200;

    public static (NewProject? Project, Dictionary<string, string[]> Errors) From(string? name, string? direction, string? timeZone)
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

        return errors.Count > 0
            ? (null, errors)
            : (new NewProject(trimmedName, parsedDirection, timeZone!), errors);
    }
}

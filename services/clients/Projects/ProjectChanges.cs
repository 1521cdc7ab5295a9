namespace Platform.Clients.Projects;

/// <summary>
/// What may change after onboarding, as plain C#: the name, the country of numbers written without a country code
/// (stored numbers are E.164 already) and the cooldown. Direction and zone stay: the queues, scripts and reports the
/// other services set up were made for them.
/// </summary>
public sealed record ProjectChanges(string Name, string? Country, int CooldownDays)
{
    public static (ProjectChanges? Changes, Dictionary<string, string[]> Errors) From(string? name, string? country, int? cooldownDays, string projectZone)
    {
        var (project, errors) = NewProject.From(name, "inbound", projectZone, country, cooldownDays);
        if (cooldownDays is null)
        {
            errors["cooldownDays"] = [$"Required: 0 to {NewProject.MaxCooldownDays} days."];
        }
        return errors.Count > 0 ? (null, errors) : (new ProjectChanges(project!.Name, project.Country, project.CooldownDays), errors);
    }

    /// <summary>A churned client waits the new cooldown from the day the contract ended: the end of their wait moves by the difference.</summary>
    public static int ShiftDays(int oldCooldownDays, int newCooldownDays) => newCooldownDays - oldCooldownDays;
}

namespace Platform.Clients.Lifecycle;

/// <summary>
/// A supervisor sets a contact's status by hand, with a reason (a lead wrongly closed, a customer who signed elsewhere),
/// outside the moves outcomes make. Do-not-call stays final and is entered only as a request that binds the number
/// (<c>POST projects/{id}/do-not-call</c>), never by an override.
/// </summary>
public static class StatusOverride
{
    public const int MaxReasonLength = 500;

    /// <summary>The problem with the override, by field (empty: it may be made), and whether it conflicts with the contact's state (409).</summary>
    public static (Dictionary<string, string[]> Errors, string? Conflict) Check(ContactStatus from, string? to, string? reason, out ContactStatus target)
    {
        var errors = new Dictionary<string, string[]>();
        target = default;
        if (!ContactLifecycle.TryParse(to, out target))
        {
            errors["status"] = ["One of potential, hot_potential, accompanied, churned."];
        }
        else if (target == ContactStatus.DoNotCall)
        {
            errors["status"] = ["Do-not-call is recorded as a request that binds the number (POST projects/{id}/do-not-call), not by an override."];
        }
        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length is 0 or > MaxReasonLength || trimmed.Any(char.IsControl))
        {
            errors["reason"] = [$"Why the status is set by hand: 1 to {MaxReasonLength} printable characters."];
        }
        if (errors.Count > 0)
        {
            return (errors, null);
        }
        if (from == ContactStatus.DoNotCall)
        {
            return (errors, "The contact asked not to be called; do-not-call is final and no override lifts it.");
        }
        return (errors, from == target ? $"The contact is {ContactLifecycle.Name(from)} already." : null);
    }
}

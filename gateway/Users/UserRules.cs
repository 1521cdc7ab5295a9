using System.Text.RegularExpressions;
using Platform.ServiceDefaults.Auth;

namespace Platform.Gateway.Users;

/// <summary>What makes an account acceptable, as plain C#: every problem reported at once, by field.</summary>
public static partial class UserRules
{
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 128;
    public const int MaxDisplayNameLength = 200;

    public static void CheckUsername(string? username, Dictionary<string, string[]> errors)
    {
        if (username is null || !Username().IsMatch(username))
        {
            errors["username"] = ["2 to 64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit."];
        }
    }

    public static void CheckPassword(string? password, Dictionary<string, string[]> errors)
    {
        if (password is null || password.Length < MinPasswordLength || password.Length > MaxPasswordLength)
        {
            errors["password"] = [$"{MinPasswordLength} to {MaxPasswordLength} characters."];
        }
        else if (password.Any(char.IsControl))
        {
            errors["password"] = ["A password cannot contain control characters."];
        }
    }

    public static void CheckProfile(string? displayName, string[]? roles, Guid[]? projectIds, Dictionary<string, string[]> errors)
    {
        var name = displayName?.Trim() ?? "";
        if (name.Length == 0 || name.Length > MaxDisplayNameLength || name.Any(char.IsControl))
        {
            errors["displayName"] = [$"1 to {MaxDisplayNameLength} printable characters."];
        }
        if (roles is null || roles.Length == 0 || roles.Any(role => role is null || !Roles.All.Contains(role)))
        {
            errors["roles"] = [$"One or more of: {string.Join(", ", Roles.All.Order())}."];
        }
        else if (roles.Contains(Roles.ClientViewer) && roles.Length > 1)
        {
            errors["roles"] = ["A client viewer belongs to the client company: no other role goes with it."];
        }
        var viewer = roles?.Contains(Roles.ClientViewer) == true;
        if (viewer && (projectIds is null || projectIds.Length == 0 || projectIds.Contains(Guid.Empty)))
        {
            errors["projectIds"] = ["A client viewer needs the projects whose reports they may read."];
        }
        else if (!viewer && projectIds is { Length: > 0 })
        {
            errors["projectIds"] = ["Only a client viewer is limited to projects; the call center's own people see all."];
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{1,63}$")]
    private static partial Regex Username();
}

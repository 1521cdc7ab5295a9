using System.Text.RegularExpressions;

namespace Platform.Queue.Queues;

/// <summary>Skill names are short codes (english, billing, vip-care), compared without case.</summary>
public static partial class SkillName
{
    public const string Rule = "letters, digits, '-' or '_', 1 to 40 characters";

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name.Trim());

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$")]
    private static partial Regex Pattern();
}

namespace Platform.Clients;

/// <summary>
/// A short free text the CRM keeps as written: where a consent or a do-not-call request came from, a suppression list's
/// name and source. Trimmed, 1 to <see cref="MaxLength"/> printable characters.
/// </summary>
public static class ShortText
{
    public const int MaxLength = 200;

    /// <summary>The text trimmed, or null when it is not 1 to <see cref="MaxLength"/> printable characters.</summary>
    public static string? Read(string? text) => text?.Trim() is { Length: > 0 and <= MaxLength } read && !read.Any(char.IsControl) ? read : null;
}

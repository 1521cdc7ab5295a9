namespace Platform.Clients.Consent;

/// <summary>Where a consent was given or withdrawn (a call's recording id, a web form, a list's vendor): kept on every consent record.</summary>
public static class ConsentSource
{
    /// <summary>The source trimmed, or null when it is not 1 to 200 printable characters.</summary>
    public static string? Read(string? text) => text?.Trim() is { Length: > 0 and <= 200 } source && !source.Any(char.IsControl) ? source : null;
}

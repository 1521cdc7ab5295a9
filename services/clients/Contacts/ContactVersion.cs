namespace Platform.Clients.Contacts;

/// <summary>
/// Optimistic concurrency for a contact's card: its version is its entity tag, and an edit sent with If-Match is made
/// only on the version it names (RFC 9110: strong comparison, so a weak tag never matches; "*" matches any card).
/// </summary>
public static class ContactVersion
{
    public static string ETag(int version) => $"\"{version}\"";

    /// <summary>Whether an edit with this If-Match header may go ahead on this version; no header, no condition.</summary>
    public static bool Allows(string? ifMatch, int version)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return true;
        }
        var current = ETag(version);
        return ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(tag => tag == "*" || tag == current);
    }
}

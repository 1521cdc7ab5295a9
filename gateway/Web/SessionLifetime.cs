namespace Platform.Gateway.Web;

/// <summary>
/// How long a browser session's cookie lives: each token's own lifetime, slid forward by renewals while the user works,
/// never past the session's hard maximum counted from the sign-in.
/// </summary>
public static class SessionLifetime
{
    /// <summary>The new cookie's expiry for a token that expires at <paramref name="tokenExpiresAt"/>, or null when the session is over.</summary>
    public static DateTimeOffset? ExpiryOf(DateTimeOffset startedAt, DateTimeOffset now, TimeSpan maxSession, DateTimeOffset tokenExpiresAt)
    {
        var hardEnd = startedAt + maxSession;
        if (now >= hardEnd || now < startedAt - TimeSpan.FromMinutes(5))
        {
            return null; // over, or a start in the future (a clock far off): sign in again
        }
        return tokenExpiresAt < hardEnd ? tokenExpiresAt : hardEnd;
    }
}

namespace Platform.Gateway.Auth;

/// <summary>
/// Against password guessing: the first <see cref="FreeAttempts"/> consecutive failures cost nothing; every
/// further one locks the account, 30 s and then twice as long each time, up to 15 minutes. A success resets it.
/// </summary>
public static class SignInLockout
{
    public const int FreeAttempts = 5;
    private static readonly TimeSpan First = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Longest = TimeSpan.FromMinutes(15);

    public static DateTimeOffset? LockedUntil(int consecutiveFailures, DateTimeOffset now)
    {
        if (consecutiveFailures < FreeAttempts)
        {
            return null;
        }
        var doublings = Math.Min(consecutiveFailures - FreeAttempts, 10);
        var lockout = TimeSpan.FromTicks(Math.Min(First.Ticks << doublings, Longest.Ticks));
        return now + lockout;
    }
}

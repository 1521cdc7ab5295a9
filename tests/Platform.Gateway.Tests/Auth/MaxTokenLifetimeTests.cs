using Platform.ServiceDefaults.Auth;
using Xunit;

namespace Platform.Gateway.Tests.Auth;

public sealed class MaxTokenLifetimeTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Max = TimeSpan.FromHours(8);
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(0, 60, true)]          // issued now, one hour
    [InlineData(-479, 480, true)]      // nearly eight hours old, expires in a minute
    [InlineData(0, 8 * 60, true)]      // exactly the maximum
    [InlineData(0, 8 * 60 + 1, false)] // claims one minute more than the maximum
    [InlineData(-481, 60, false)]      // older than the maximum, whatever its expiry
    [InlineData(5, 60, false)]         // issued in the future
    public void A_token_lives_at_most_the_maximum_from_its_issue(int issuedMinutesFromNow, int lifetimeMinutes, bool allowed)
    {
        var issuedAt = Now.AddMinutes(issuedMinutesFromNow);

        Assert.Equal(allowed, MaxTokenLifetime.Allows(issuedAt, issuedAt.AddMinutes(lifetimeMinutes), Now, Max, Skew));
    }

    [Fact]
    public void A_token_without_an_issue_time_is_refused() =>
        Assert.False(MaxTokenLifetime.Allows(DateTime.MinValue, Now.AddMinutes(5), Now, Max, Skew));
}

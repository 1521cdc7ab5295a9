using Platform.Gateway.Web;
using Xunit;

namespace Platform.Web.Tests.Sessions;

/// <summary>The rule of the sliding session, without I/O: a token's own end, never past the hard end from the sign-in.</summary>
public sealed class SessionLifetimeTests
{
    private static readonly DateTimeOffset SignIn = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Maximum = TimeSpan.FromHours(10);

    [Fact]
    public void Early_in_the_session_the_cookie_lives_as_long_as_its_token() =>
        Assert.Equal(SignIn.AddHours(3), SessionLifetime.ExpiryOf(SignIn, SignIn.AddHours(2), Maximum, SignIn.AddHours(3)));

    [Fact]
    public void Near_the_hard_end_the_cookie_ends_with_the_session_not_with_its_token() =>
        Assert.Equal(SignIn.AddHours(10), SessionLifetime.ExpiryOf(SignIn, SignIn.AddHours(9.5), Maximum, SignIn.AddHours(10.5)));

    [Theory]
    [InlineData(10.0)]
    [InlineData(12.0)]
    [InlineData(-1.0)] // a start an hour in the future: a clock far off, or a forged value
    public void At_or_past_the_hard_end_or_before_the_start_nothing_is_renewed(double hoursAfterSignIn) =>
        Assert.Null(SessionLifetime.ExpiryOf(SignIn, SignIn.AddHours(hoursAfterSignIn), Maximum, SignIn.AddHours(hoursAfterSignIn + 1)));
}

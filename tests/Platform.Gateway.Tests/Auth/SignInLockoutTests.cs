using Platform.Gateway.Auth;
using Xunit;

namespace Platform.Gateway.Tests.Auth;

public sealed class SignInLockoutTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    public void The_first_failures_cost_nothing(int failures) => Assert.Null(SignInLockout.LockedUntil(failures, Now));

    [Theory]
    [InlineData(5, 30)]
    [InlineData(6, 60)]
    [InlineData(7, 120)]
    [InlineData(9, 480)]
    public void Each_further_failure_doubles_the_pause(int failures, int seconds) =>
        Assert.Equal(Now.AddSeconds(seconds), SignInLockout.LockedUntil(failures, Now));

    [Theory]
    [InlineData(10)]
    [InlineData(50)]
    [InlineData(int.MaxValue)]
    public void The_pause_never_exceeds_fifteen_minutes(int failures) =>
        Assert.Equal(Now.AddMinutes(15), SignInLockout.LockedUntil(failures, Now));
}

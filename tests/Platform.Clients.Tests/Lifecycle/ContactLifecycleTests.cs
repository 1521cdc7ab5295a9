using Platform.Clients.Lifecycle;
using Xunit;
using static Platform.Clients.Lifecycle.ContactStatus;
using static Platform.Clients.Lifecycle.LifecycleMove;

namespace Platform.Clients.Tests.Lifecycle;

public sealed class ContactLifecycleTests
{
    [Theory]
    [InlineData(Potential, BecomeHot, HotPotential)]
    [InlineData(HotPotential, SignContract, Accompanied)]
    [InlineData(Potential, SignContract, Accompanied)]
    [InlineData(HotPotential, FirmNo, Potential)]
    [InlineData(Potential, FirmNo, Potential)]
    [InlineData(Accompanied, EndContract, Churned)]
    [InlineData(Churned, CooldownElapsed, Potential)]
    [InlineData(Churned, SignContract, Accompanied)]
    [InlineData(Churned, BecomeHot, HotPotential)]
    [InlineData(Accompanied, FirmNo, Accompanied)]
    [InlineData(Accompanied, SignContract, Accompanied)]
    [InlineData(HotPotential, LifecycleMove.DoNotCall, ContactStatus.DoNotCall)]
    [InlineData(Accompanied, LifecycleMove.DoNotCall, ContactStatus.DoNotCall)]
    [InlineData(ContactStatus.DoNotCall, LifecycleMove.DoNotCall, ContactStatus.DoNotCall)]
    public void The_trades_moves_are_allowed(ContactStatus from, LifecycleMove move, ContactStatus to)
    {
        var result = ContactLifecycle.Next(from, move);
        Assert.True(result.Allowed, result.Refusal);
        Assert.Equal(to, result.To);
    }

    [Theory]
    [InlineData(ContactStatus.DoNotCall, BecomeHot)]
    [InlineData(ContactStatus.DoNotCall, SignContract)]
    [InlineData(ContactStatus.DoNotCall, FirmNo)]
    [InlineData(ContactStatus.DoNotCall, CooldownElapsed)]
    [InlineData(Potential, EndContract)]
    [InlineData(HotPotential, EndContract)]
    [InlineData(Churned, EndContract)]
    [InlineData(Accompanied, BecomeHot)]
    [InlineData(Accompanied, CooldownElapsed)]
    [InlineData(Potential, CooldownElapsed)]
    public void Other_moves_are_refused_with_a_reason(ContactStatus from, LifecycleMove move)
    {
        var result = ContactLifecycle.Next(from, move);
        Assert.False(result.Allowed);
        Assert.Null(result.To);
        Assert.False(string.IsNullOrWhiteSpace(result.Refusal));
    }

    [Fact]
    public void No_move_leaves_every_status_as_it_is() =>
        Assert.All(Enum.GetValues<ContactStatus>(), status => Assert.Equal(status, ContactLifecycle.Next(status, None).To));

    [Fact]
    public void Do_not_call_is_final_whatever_happens_next() =>
        Assert.All(Enum.GetValues<LifecycleMove>(), move =>
            Assert.True(ContactLifecycle.Next(ContactStatus.DoNotCall, move).To is null or ContactStatus.DoNotCall));

    [Fact]
    public void Every_status_has_a_name_that_parses_back() =>
        Assert.All(Enum.GetValues<ContactStatus>(), status => Assert.Equal(status, ContactLifecycle.Parse(ContactLifecycle.Name(status))));
}

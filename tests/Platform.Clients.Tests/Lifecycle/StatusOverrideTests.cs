using Platform.Clients.Lifecycle;
using Xunit;

namespace Platform.Clients.Tests.Lifecycle;

public sealed class StatusOverrideTests
{
    [Theory]
    [InlineData(ContactStatus.Potential, "hot_potential")]
    [InlineData(ContactStatus.Accompanied, "potential")]
    [InlineData(ContactStatus.Churned, "accompanied")]
    [InlineData(ContactStatus.HotPotential, "churned")]
    public void A_supervisor_may_set_any_status_but_do_not_call_with_a_reason(ContactStatus from, string to)
    {
        var (errors, conflict) = StatusOverride.Check(from, to, "Signed with us by e-mail", out var target);

        Assert.Empty(errors);
        Assert.Null(conflict);
        Assert.Equal(to, ContactLifecycle.Name(target));
    }

    [Fact]
    public void Do_not_call_is_final_and_is_set_only_by_a_request_that_binds_the_number()
    {
        Assert.NotNull(StatusOverride.Check(ContactStatus.DoNotCall, "potential", "Changed their mind", out _).Conflict);
        Assert.Contains("status", StatusOverride.Check(ContactStatus.Potential, "do_not_call", "Said so", out _).Errors.Keys);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("bad\u0007bell")]
    public void An_override_needs_a_printable_reason(string? reason)
    {
        Assert.Contains("reason", StatusOverride.Check(ContactStatus.Potential, "accompanied", reason, out _).Errors.Keys);
    }

    [Fact]
    public void The_same_status_again_is_a_conflict_and_an_unknown_one_an_error()
    {
        Assert.NotNull(StatusOverride.Check(ContactStatus.Potential, "potential", "Again", out _).Conflict);
        Assert.Contains("status", StatusOverride.Check(ContactStatus.Potential, "erased", "Why not", out _).Errors.Keys);
    }
}

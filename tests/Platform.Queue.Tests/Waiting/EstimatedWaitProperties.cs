using FsCheck;
using FsCheck.Xunit;

namespace Platform.Queue.Tests.Waiting;

public sealed class EstimatedWaitProperties
{
    private static readonly TimeSpan Aht = TimeSpan.FromSeconds(240);

    [Property]
    public void Further_back_in_line_never_waits_less(PositiveInt position, PositiveInt agents)
    {
        var here = EstimatedWait.For(position.Get, agents.Get, Aht)!.Value;
        var behind = EstimatedWait.For(position.Get + 1, agents.Get, Aht)!.Value;

        Assert.True(behind >= here);
    }

    [Property]
    public void More_agents_never_make_the_wait_longer(PositiveInt position, PositiveInt agents)
    {
        Assert.True(EstimatedWait.For(position.Get, agents.Get + 1, Aht) <= EstimatedWait.For(position.Get, agents.Get, Aht));
    }

    [Property]
    public void The_estimate_is_the_calls_ahead_shared_among_the_agents_rounded_up_to_whole_handle_times(
        PositiveInt position, PositiveInt agents)
    {
        var estimate = EstimatedWait.For(position.Get, agents.Get, Aht)!.Value;
        var share = Aht * ((double)position.Get / agents.Get);

        Assert.Equal(0, estimate.Ticks % Aht.Ticks);
        Assert.InRange(estimate, share, share + Aht);
    }
}

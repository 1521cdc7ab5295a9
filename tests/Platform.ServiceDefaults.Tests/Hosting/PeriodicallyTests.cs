using Platform.ServiceDefaults.Hosting;
using Xunit;

namespace Platform.ServiceDefaults.Tests.Hosting;

/// <summary>The sweeps' loop: a failed round is reported and the next tick runs again; stopping the host ends the loop quietly.</summary>
public sealed class PeriodicallyTests
{
    [Fact]
    public async Task A_round_that_fails_is_reported_and_the_rounds_go_on_until_the_host_stops()
    {
        using var stop = new CancellationTokenSource();
        var rounds = 0;
        var failures = new List<Exception>();
        var thirdRound = new TaskCompletionSource();
        var loop = Periodically.RunAsync(TimeSpan.FromMilliseconds(5), _ =>
        {
            if (++rounds == 3)
            {
                thirdRound.SetResult();
            }
            return rounds == 1 ? throw new InvalidOperationException("the database is away") : Task.CompletedTask;
        }, failures.Add, stop.Token);

        await thirdRound.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await loop; // ends without throwing

        Assert.Equal("the database is away", Assert.Single(failures).Message);
    }

    [Fact]
    public async Task The_first_round_can_run_at_start_before_the_first_period_is_over()
    {
        using var stop = new CancellationTokenSource();
        var firstRound = new TaskCompletionSource();
        var loop = Periodically.RunAsync(TimeSpan.FromHours(1), _ => { firstRound.TrySetResult(); return Task.CompletedTask; },
            _ => { }, stop.Token, firstRoundAtStart: true);

        await firstRound.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await loop;
    }

    [Fact]
    public async Task A_round_cancelled_by_the_stopping_host_is_not_reported_as_a_failure()
    {
        using var stop = new CancellationTokenSource();
        var failures = new List<Exception>();
        var started = new TaskCompletionSource();
        var loop = Periodically.RunAsync(TimeSpan.FromHours(1), async ct =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
        }, failures.Add, stop.Token, firstRoundAtStart: true);

        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loop);
        Assert.Empty(failures);
    }
}

namespace Platform.ServiceDefaults.Hosting;

/// <summary>
/// The loop of every background sweep: one round of work per period until the host stops. A failed round is handed to
/// <c>failed</c> (to be logged) and the next tick tries again, so one bad round never stops the host; a round still running
/// when its tick comes delays that tick rather than running twice at once.
/// </summary>
public static class Periodically
{
    public static async Task RunAsync(
        TimeSpan period, Func<CancellationToken, Task> round, Action<Exception> failed, CancellationToken stoppingToken, bool firstRoundAtStart = false)
    {
        using var timer = new PeriodicTimer(period);
        if (firstRoundAtStart)
        {
            await RoundAsync(round, failed, stoppingToken);
        }
        while (await TickAsync(timer, stoppingToken))
        {
            await RoundAsync(round, failed, stoppingToken);
        }
    }

    private static async Task RoundAsync(Func<CancellationToken, Task> round, Action<Exception> failed, CancellationToken stoppingToken)
    {
        try
        {
            await round(stoppingToken);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            failed(exception);
        }
    }

    private static async Task<bool> TickAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

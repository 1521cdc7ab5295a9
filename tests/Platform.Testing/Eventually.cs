namespace Platform.Testing;

public static class Eventually
{
    /// <summary>How many of the hosts' log entries a timeout shows (the latest ones).</summary>
    private const int LogEntriesShown = 40;

    /// <summary>
    /// Polls until <paramref name="condition"/> holds; fails with <paramref name="what"/> after <paramref name="timeout"/>,
    /// followed by what the hosts under test logged while it waited (<see cref="HostLogs"/>).
    /// </summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var mark = HostLogs.Mark();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await condition())
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not within {timeout.TotalSeconds:0.#} s: {what}{LoggedSince(mark)}");
            }
            await Task.Delay(50);
        }
    }

    private static string LoggedSince(long mark)
    {
        var entries = HostLogs.Since(mark);
        if (entries.Count == 0)
        {
            return Environment.NewLine + "The hosts under test logged no warning or error meanwhile.";
        }
        var shown = entries.TakeLast(LogEntriesShown).ToList();
        var header = shown.Count < entries.Count
            ? $"The hosts under test logged {entries.Count} warnings or errors meanwhile; the last {shown.Count}:"
            : "The hosts under test logged meanwhile:";
        return Environment.NewLine + header + Environment.NewLine + string.Join(Environment.NewLine, shown);
    }
}

namespace Platform.ServiceDefaults.Database;

public static class StoredTime
{
    /// <summary>Now, at the precision PostgreSQL keeps (microseconds), so an answer shows exactly what was stored.</summary>
    public static DateTimeOffset GetUtcNowAsStored(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % 10));
    }
}

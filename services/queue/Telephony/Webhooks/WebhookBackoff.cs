namespace Platform.Queue.Telephony.Webhooks;

/// <summary>How long a tenant's push waits after its <c>failures</c>-th failed round in a row: doubling, capped.</summary>
public static class WebhookBackoff
{
    public static TimeSpan After(int failures, WebhookOptions options)
    {
        if (failures <= 0)
        {
            return TimeSpan.Zero;
        }
        var seconds = options.RoundBackoffSeconds * Math.Pow(2, Math.Min(failures - 1, 30));
        return TimeSpan.FromSeconds(Math.Min(seconds, options.MaxBackoffSeconds));
    }
}

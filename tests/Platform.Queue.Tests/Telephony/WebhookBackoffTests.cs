using FsCheck.Xunit;
using Platform.Queue.Telephony.Webhooks;
using Xunit;

namespace Platform.Queue.Tests.Telephony;

public sealed class WebhookBackoffTests
{
    private static readonly WebhookOptions Options = new() { RoundBackoffSeconds = 2, MaxBackoffSeconds = 300 };

    [Fact]
    public void A_tenant_with_no_failure_is_tried_at_once_and_each_failed_round_doubles_the_wait()
    {
        Assert.Equal(TimeSpan.Zero, WebhookBackoff.After(0, Options));
        Assert.Equal([2, 4, 8, 16, 32, 64, 128, 256, 300, 300], Enumerable.Range(1, 10).Select(f => WebhookBackoff.After(f, Options).TotalSeconds));
    }

    [Property]
    public bool The_wait_never_shrinks_with_more_failures_and_never_passes_the_cap(int failures)
    {
        var n = Math.Abs(failures % 10_000);
        var wait = WebhookBackoff.After(n, Options);
        return wait <= TimeSpan.FromSeconds(Options.MaxBackoffSeconds) && WebhookBackoff.After(n + 1, Options) >= wait;
    }
}

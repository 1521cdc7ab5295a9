namespace Platform.Reporting.Kpis;

/// <summary>
/// The kinds of queue flow the transfer, overflow and callback report counts, and how a callback's dial-out result reads:
/// answered = completed; not answered with another attempt planned = retried; not answered and final = failed.
/// </summary>
public static class QueueFlow
{
    public const string TransferredOut = "transferred_out", TransferredIn = "transferred_in", TransferredToAgent = "transferred_to_agent",
        OverflowedOut = "overflowed_out", OverflowedIn = "overflowed_in", Refused = "refused", OfferDeclined = "offer_declined",
        CallbackRequested = "callback_requested", CallbackCarriedOver = "callback_carried_over", CallbackCancelled = "callback_cancelled",
        CallbackCompleted = "callback_completed", CallbackRetried = "callback_retried", CallbackFailed = "callback_failed";

    /// <summary>Null for a dial-out that is not a callback's, or a result that ends nothing (not answered, not final, no retry).</summary>
    public static string? OfDialOut(string purpose, string result, bool final, DateTimeOffset? retryAt) => (purpose, result) switch
    {
        ("callback", "answered") => CallbackCompleted,
        ("callback", _) when final => CallbackFailed,
        ("callback", _) when retryAt is not null => CallbackRetried,
        _ => null,
    };
}

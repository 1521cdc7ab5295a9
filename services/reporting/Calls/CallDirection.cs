namespace Platform.Reporting.Calls;

/// <summary>
/// Which way a conversation went: a customer's call taken from a queue, or a dial-out (a callback today; the dialer's
/// calls when it publishes them). Talk time is reported by direction.
/// </summary>
public static class CallDirection
{
    public const string Inbound = "inbound", Outbound = "outbound";
}

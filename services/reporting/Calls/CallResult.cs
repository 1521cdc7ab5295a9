namespace Platform.Reporting.Calls;

/// <summary>How a call's leg in a queue ended (or where it stands), as the call detail records and their filter name it.</summary>
public static class CallResult
{
    public static readonly string[] All = ["handled", "transferred", "answered", "abandoned", "overflowed", "callback", "waiting"];

    /// <summary>The result of a <c>call_records</c> row <c>cr</c>: handled beats transferred beats answered (still talking) beats the rest.</summary>
    public const string Sql = """
        CASE WHEN cr.completed_at IS NOT NULL THEN 'handled'
             WHEN cr.transferred_at IS NOT NULL THEN 'transferred'
             WHEN cr.answered_at IS NOT NULL THEN 'answered'
             WHEN cr.abandoned_at IS NOT NULL THEN 'abandoned'
             WHEN cr.overflowed_at IS NOT NULL THEN 'overflowed'
             WHEN cr.callback_requested_at IS NOT NULL THEN 'callback'
             ELSE 'waiting' END
        """;
}

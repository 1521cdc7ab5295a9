using Platform.ServiceDefaults.Database;

namespace Platform.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// The events a unit of work has published, in order, until its commit writes them: one INSERT and one NOTIFY per
/// transaction however many events it raised (a call offered raises the offer and the agent's state change), instead
/// of a statement pair for each.
/// </summary>
internal sealed class PendingOutbox
{
    private readonly List<Guid> ids = [];
    private readonly List<string> types = [];
    private readonly List<string> bodies = [];
    private readonly List<string?> traceParents = [];

    public void Add(string messageType, string body, string? traceParent)
    {
        ids.Add(Guid.CreateVersion7()); // time-ordered: the relay and readers see them in the order they were raised
        types.Add(messageType);
        bodies.Add(body);
        traceParents.Add(traceParent);
    }

    /// <summary>Writes the pending events inside the session's transaction and forgets them; nothing when there are none.</summary>
    public async Task WriteAsync(TenantSession session, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }
        const string sql = """
            INSERT INTO outbox_messages (message_id, tenant_id, message_type, body, trace_parent)
            SELECT m.id, @TenantId, m.type, CAST(m.body AS jsonb), m.trace
            FROM unnest(@Ids, @Types, @Bodies, @TraceParents) WITH ORDINALITY AS m(id, type, body, trace, position)
            ORDER BY m.position;
            SELECT pg_notify('platform_outbox', '');
            """;
        await session.ExecuteAsync(sql, new
        {
            session.TenantId,
            Ids = ids.ToArray(),
            Types = types.ToArray(),
            Bodies = bodies.ToArray(),
            TraceParents = traceParents.ToArray(),
        }, cancellationToken);
        ids.Clear();
        types.Clear();
        bodies.Clear();
        traceParents.Clear();
    }
}

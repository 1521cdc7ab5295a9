using Platform.Contracts.Contacts;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.Clients.Lifecycle;

/// <summary>Writes a status move where it belongs: the audit history and the <see cref="ContactStatusChanged"/> event, in the caller's transaction.</summary>
public static class StatusMoves
{
    public static async Task RecordAsync(TenantSession session, Guid contactId, Guid projectId, ContactStatus from, ContactStatus to,
        Guid? byUser, Guid? callId, string reason, DateTimeOffset at, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO contact_status_history (tenant_id, id, contact_id, from_status, to_status, at, by_user, call_id, reason)
            VALUES (@TenantId, @Id, @contactId, @From, @To, @at, @byUser, @callId, @reason)
            """;
        var (fromName, toName) = (ContactLifecycle.Name(from), ContactLifecycle.Name(to));
        await session.ExecuteAsync(sql, new { session.TenantId, Id = Guid.CreateVersion7(), contactId, From = fromName, To = toName, at, byUser, callId, reason }, ct);
        await session.PublishAsync(new ContactStatusChanged(session.TenantId, contactId, projectId, fromName, toName, reason, byUser, callId, at), ct);
    }
}

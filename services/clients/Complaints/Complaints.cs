using Platform.Contracts.Contacts;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.Clients.Complaints;

/// <summary>Opens a complaint in the caller's transaction, whether by hand or from a call's complaint outcome.</summary>
public static class Complaints
{
    public const int MaxTextLength = 2000;

    public static async Task<Guid> OpenAsync(TenantSession session, Guid contactId, Guid projectId, string subject, Guid? callId, Guid by, DateTimeOffset at, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        await session.ExecuteAsync("""
            INSERT INTO complaints (tenant_id, id, contact_id, subject, call_id, opened_at, opened_by)
            VALUES (@TenantId, @id, @contactId, @subject, @callId, @at, @by)
            """, new { session.TenantId, id, contactId, subject, callId, at, by }, ct);
        await session.PublishAsync(new ComplaintOpened(session.TenantId, id, contactId, projectId, callId, at), ct);
        return id;
    }

    /// <summary>Null when fine; otherwise what is wrong with a complaint's or order's text.</summary>
    public static string? CheckText(string? text, string what) =>
        text?.Trim() is not { Length: > 0 and <= MaxTextLength } trimmed || trimmed.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            ? $"{what}: 1 to {MaxTextLength} characters; no control characters but line breaks and tabs."
            : null;
}

using System.Text.Json;
using Npgsql;
using Platform.Contracts.Contacts;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Inbox;

namespace Platform.Scripts.Contacts;

/// <summary>
/// The contacts' fields the scripts show ({{contact.name}}, {{contact.phone}}), from the clients service's events, so a
/// session renders without asking the CRM while the caller waits. Erasure removes them and leaves a tombstone, so a late
/// create or update cannot bring them back, and takes the contact and their free-text answers out of their sessions.
/// </summary>
public sealed class ContactCreatedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<ContactCreated>(dataSource)
{
    protected override Task HandleAsync(ContactCreated message, TenantSession session, CancellationToken cancellationToken) =>
        ContactDirectory.UpsertAsync(session, message.ContactId, message.ProjectId, message.Name, message.Phone, message.CustomFields, message.CreatedAt, cancellationToken);
}

public sealed class ContactUpdatedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<ContactUpdated>(dataSource)
{
    protected override Task HandleAsync(ContactUpdated message, TenantSession session, CancellationToken cancellationToken) =>
        ContactDirectory.UpsertAsync(session, message.ContactId, message.ProjectId, message.Name, message.Phone, message.CustomFields, message.UpdatedAt, cancellationToken);
}

public sealed class ContactErasedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<ContactErased>(dataSource)
{
    protected override Task HandleAsync(ContactErased message, TenantSession session, CancellationToken cancellationToken)
    {
        // Sessions forget who they were with and keep their free-text answers no longer; choices stay (anonymous statistics).
        const string sql = """
            INSERT INTO contacts (tenant_id, id, project_id, name, phone, erased, updated_at)
            VALUES (@TenantId, @ContactId, @ProjectId, NULL, NULL, true, @At)
            ON CONFLICT (tenant_id, id) DO UPDATE SET name = NULL, phone = NULL, custom_fields = '{}', erased = true, updated_at = EXCLUDED.updated_at;
            UPDATE script_sessions
            SET contact_id = NULL,
                state = jsonb_set(state, '{answers}', COALESCE(
                    (SELECT jsonb_object_agg(a.key, a.value) FROM jsonb_each(state -> 'answers') AS a WHERE a.value ->> 'kind' <> 'text'),
                    '{}'::jsonb))
            WHERE tenant_id = @TenantId AND contact_id = @ContactId;
            """;
        return session.ExecuteAsync(sql, new { message.TenantId, message.ContactId, message.ProjectId, message.At }, cancellationToken);
    }
}

internal static class ContactDirectory
{
    /// <summary>The newest card wins (events may arrive out of order); an erased contact stays erased.</summary>
    public static Task UpsertAsync(
        TenantSession session, Guid contactId, Guid projectId, string? name, string? phone, JsonElement? customFields, DateTimeOffset at, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO contacts (tenant_id, id, project_id, name, phone, custom_fields, updated_at)
            VALUES (@TenantId, @contactId, @projectId, @name, @phone, CAST(@custom AS jsonb), @at)
            ON CONFLICT (tenant_id, id) DO UPDATE SET name = EXCLUDED.name, phone = EXCLUDED.phone, custom_fields = EXCLUDED.custom_fields,
                updated_at = EXCLUDED.updated_at
            WHERE NOT contacts.erased AND contacts.updated_at <= EXCLUDED.updated_at
            """;
        var custom = customFields is { ValueKind: JsonValueKind.Object } fields ? fields.GetRawText() : "{}";
        return session.ExecuteAsync(sql, new { session.TenantId, contactId, projectId, name, phone, custom, at }, ct);
    }
}

using System.Text.Json;
using Npgsql;
using Platform.Contracts.Contacts;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Inbox;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.Scripts.Contacts;

/// <summary>
/// The contacts' fields the scripts show ({{contact.name}}, {{contact.phone}}), from the clients service's events, so a
/// session renders without asking the CRM while the caller waits. Erasure removes them and leaves a tombstone, so a late
/// create or update cannot bring them back, and takes the contact and their free-text answers out of their sessions.
/// </summary>
public sealed class ContactCreatedConsumer(NpgsqlDataSource dataSource) : BatchInboxConsumer<ContactCreated>(dataSource)
{
    // Contacts entered by hand arrive one event each: a batch of them is one statement and one transaction.
    protected override Task HandleAsync(IReadOnlyList<ContactCreated> messages, TenantSession session, CancellationToken cancellationToken) =>
        ContactDirectory.UpsertAsync(session,
            messages.Select(m => new ContactCard(m.ContactId, m.ProjectId, m.Name, m.Phone, m.CustomFields, m.CreatedAt)).ToList(), cancellationToken);
}

public sealed class ContactCreatedConsumerDefinition : BatchInboxConsumerDefinition<ContactCreatedConsumer>;

/// <summary>A batch of a call-list import (up to a thousand contacts): one message, one inbox row, one statement.</summary>
public sealed class ContactsImportedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<ContactsImported>(dataSource)
{
    protected override Task HandleAsync(ContactsImported message, TenantSession session, CancellationToken cancellationToken) =>
        ContactDirectory.UpsertAsync(session,
            message.Contacts.Select(c => new ContactCard(c.ContactId, message.ProjectId, c.Name, c.Phone, c.CustomFields, message.CreatedAt)).ToList(), cancellationToken);
}

public sealed class ContactUpdatedConsumer(NpgsqlDataSource dataSource) : BatchInboxConsumer<ContactUpdated>(dataSource)
{
    protected override Task HandleAsync(IReadOnlyList<ContactUpdated> messages, TenantSession session, CancellationToken cancellationToken) =>
        ContactDirectory.UpsertAsync(session,
            messages.Select(m => new ContactCard(m.ContactId, m.ProjectId, m.Name, m.Phone, m.CustomFields, m.UpdatedAt)).ToList(), cancellationToken);
}

public sealed class ContactUpdatedConsumerDefinition : BatchInboxConsumerDefinition<ContactUpdatedConsumer>;

public sealed class ContactErasedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<ContactErased>(dataSource)
{
    protected override async Task HandleAsync(ContactErased message, TenantSession session, CancellationToken cancellationToken)
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
        await session.ExecuteAsync(sql, new { message.TenantId, message.ContactId, message.ProjectId, message.At }, cancellationToken);
        await session.EraseContactAsync(message.ContactId, cancellationToken); // and the sessions' events this service has sent
    }
}

internal sealed record ContactCard(Guid ContactId, Guid ProjectId, string? Name, string? Phone, JsonElement? CustomFields, DateTimeOffset At);

internal static class ContactDirectory
{
    /// <summary>
    /// The newest card wins (events may arrive out of order, and a batch may hold several of one contact); an erased
    /// contact stays erased. One statement for the whole batch.
    /// </summary>
    public static Task UpsertAsync(TenantSession session, IReadOnlyList<ContactCard> cards, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO contacts (tenant_id, id, project_id, name, phone, custom_fields, updated_at)
            SELECT @TenantId, c.id, c.project_id, c.name, c.phone, CAST(c.custom AS jsonb), c.at
            FROM unnest(@Ids, @ProjectIds, @Names, @Phones, @Customs, @Ats) AS c(id, project_id, name, phone, custom, at)
            ON CONFLICT (tenant_id, id) DO UPDATE SET name = EXCLUDED.name, phone = EXCLUDED.phone, custom_fields = EXCLUDED.custom_fields,
                updated_at = EXCLUDED.updated_at
            WHERE NOT contacts.erased AND contacts.updated_at <= EXCLUDED.updated_at
            """;
        // ON CONFLICT DO UPDATE may not touch one row twice in a statement: the newest card of each contact only.
        var newest = cards.GroupBy(c => c.ContactId).Select(g => g.MaxBy(c => c.At)!).ToList();
        return session.ExecuteAsync(sql, new
        {
            session.TenantId,
            Ids = newest.Select(c => c.ContactId).ToArray(),
            ProjectIds = newest.Select(c => c.ProjectId).ToArray(),
            Names = newest.Select(c => c.Name).ToArray(),
            Phones = newest.Select(c => c.Phone).ToArray(),
            Customs = newest.Select(c => c.CustomFields is { ValueKind: JsonValueKind.Object } fields ? fields.GetRawText() : "{}").ToArray(),
            Ats = newest.Select(c => c.At.UtcDateTime).ToArray(),
        }, ct);
    }
}

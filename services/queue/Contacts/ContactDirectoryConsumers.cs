using Npgsql;
using Platform.Contracts.Contacts;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Inbox;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.Queue.Contacts;

/// <summary>
/// The CRM's contacts as far as routing needs them (number, name, status, VIP), kept from the clients service's
/// events so a caller is recognised without a call to another service while they wait. Erasure removes the row.
/// </summary>
public sealed class ContactCreatedConsumer(NpgsqlDataSource dataSource) : BatchInboxConsumer<ContactCreated>(dataSource)
{
    // Contacts entered by hand arrive one event each: a batch of them is one statement and one transaction.
    protected override Task HandleAsync(IReadOnlyList<ContactCreated> messages, TenantSession session, CancellationToken cancellationToken) =>
        ContactDirectory.AddAsync(session, messages.Select(m => new DirectoryEntry(m.ContactId, m.ProjectId, m.Phone, m.Name, m.Status, m.Vip, m.CreatedAt)).ToList(),
            cancellationToken);
}

public sealed class ContactCreatedConsumerDefinition : BatchInboxConsumerDefinition<ContactCreatedConsumer>;

/// <summary>A batch of a call-list import (up to a thousand contacts): one message, one inbox row, one statement.</summary>
public sealed class ContactsImportedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<ContactsImported>(dataSource)
{
    protected override Task HandleAsync(ContactsImported message, TenantSession session, CancellationToken cancellationToken) =>
        ContactDirectory.AddAsync(session,
            message.Contacts.Select(c => new DirectoryEntry(c.ContactId, message.ProjectId, c.Phone, c.Name, c.Status, c.Vip, message.CreatedAt)).ToList(),
            cancellationToken);
}

internal sealed record DirectoryEntry(Guid ContactId, Guid ProjectId, string? Phone, string? Name, string Status, bool Vip, DateTimeOffset CreatedAt);

internal static class ContactDirectory
{
    /// <summary>New contacts, one statement however many; one already known (a card edit may have got there first) is left as it is.</summary>
    public static Task AddAsync(TenantSession session, IReadOnlyList<DirectoryEntry> entries, CancellationToken cancellationToken) =>
        session.ExecuteAsync("""
            INSERT INTO contact_directory (tenant_id, contact_id, project_id, phone, name, status, vip, updated_at, card_updated_at)
            SELECT @TenantId, c.contact_id, c.project_id, c.phone, c.name, c.status, c.vip, c.created_at, c.created_at
            FROM unnest(@ContactIds, @ProjectIds, @Phones, @Names, @Statuses, @Vips, @CreatedAts)
                AS c(contact_id, project_id, phone, name, status, vip, created_at)
            ON CONFLICT (tenant_id, contact_id) DO NOTHING
            """, new
            {
                session.TenantId,
                ContactIds = entries.Select(m => m.ContactId).ToArray(),
                ProjectIds = entries.Select(m => m.ProjectId).ToArray(),
                Phones = entries.Select(m => m.Phone).ToArray(),
                Names = entries.Select(m => m.Name).ToArray(),
                Statuses = entries.Select(m => m.Status).ToArray(),
                Vips = entries.Select(m => m.Vip).ToArray(),
                CreatedAts = entries.Select(m => m.CreatedAt.UtcDateTime).ToArray(),
            }, cancellationToken);
}

public sealed class ContactStatusChangedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<ContactStatusChanged>(dataSource)
{
    // Events of one contact may arrive out of order: only a newer move overwrites.
    protected override Task HandleAsync(ContactStatusChanged message, TenantSession session, CancellationToken cancellationToken) =>
        session.ExecuteAsync("""
            UPDATE contact_directory SET status = @To, updated_at = @At
            WHERE tenant_id = @TenantId AND contact_id = @ContactId AND updated_at <= @At
            """, new { message.TenantId, message.ContactId, message.To, message.At }, cancellationToken);
}

public sealed class ContactUpdatedConsumer(NpgsqlDataSource dataSource) : BatchInboxConsumer<ContactUpdated>(dataSource)
{
    // An edit of the card changes the number a caller is recognised by, the name on the screen pop and VIP routing.
    // Of several edits of one card in a batch the newest counts (and an older one never overwrites a newer one already kept).
    protected override Task HandleAsync(IReadOnlyList<ContactUpdated> messages, TenantSession session, CancellationToken cancellationToken)
    {
        var newest = messages.GroupBy(m => m.ContactId).Select(g => g.MaxBy(m => m.UpdatedAt)!).ToList();
        return session.ExecuteAsync("""
            UPDATE contact_directory d SET phone = u.phone, name = u.name, vip = u.vip, card_updated_at = u.updated_at
            FROM unnest(@ContactIds, @Phones, @Names, @Vips, @UpdatedAts) AS u(contact_id, phone, name, vip, updated_at)
            WHERE d.tenant_id = @TenantId AND d.contact_id = u.contact_id AND (d.card_updated_at IS NULL OR d.card_updated_at <= u.updated_at)
            """, new
            {
                session.TenantId,
                ContactIds = newest.Select(m => m.ContactId).ToArray(),
                Phones = newest.Select(m => m.Phone).ToArray(),
                Names = newest.Select(m => m.Name).ToArray(),
                Vips = newest.Select(m => m.Vip).ToArray(),
                UpdatedAts = newest.Select(m => m.UpdatedAt.UtcDateTime).ToArray(),
            }, cancellationToken);
    }
}

public sealed class ContactUpdatedConsumerDefinition : BatchInboxConsumerDefinition<ContactUpdatedConsumer>;

public sealed class ContactErasedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<ContactErased>(dataSource)
{
    protected override async Task HandleAsync(ContactErased message, TenantSession session, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync("""
            DELETE FROM contact_directory WHERE tenant_id = @TenantId AND contact_id = @ContactId;
            UPDATE calls SET caller_number = 'erased', callback_number = CASE WHEN callback_number IS NULL THEN NULL ELSE 'erased' END
            WHERE tenant_id = @TenantId AND contact_id = @ContactId AND status IN ('completed', 'abandoned', 'rejected');
            """, new { message.TenantId, message.ContactId }, cancellationToken);
        await session.EraseContactAsync(message.ContactId, cancellationToken); // the contact's call events this service has sent
    }
}

using Npgsql;
using Platform.Contracts.Contacts;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Inbox;

namespace Platform.Queue.Contacts;

/// <summary>
/// The CRM's contacts as far as routing needs them (number, name, status, VIP), kept from the clients service's
/// events so a caller is recognised without a call to another service while they wait. Erasure removes the row.
/// </summary>
public sealed class ContactCreatedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<ContactCreated>(dataSource)
{
    protected override Task HandleAsync(ContactCreated message, TenantSession session, CancellationToken cancellationToken) =>
        session.ExecuteAsync("""
            INSERT INTO contact_directory (tenant_id, contact_id, project_id, phone, name, status, vip, updated_at, card_updated_at)
            VALUES (@TenantId, @ContactId, @ProjectId, @Phone, @Name, @Status, @Vip, @CreatedAt, @CreatedAt)
            ON CONFLICT (tenant_id, contact_id) DO NOTHING
            """, new { message.TenantId, message.ContactId, message.ProjectId, message.Phone, message.Name, message.Status, message.Vip, message.CreatedAt },
            cancellationToken);
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

public sealed class ContactUpdatedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<ContactUpdated>(dataSource)
{
    // An edit of the card changes the number a caller is recognised by, the name on the screen pop and VIP routing.
    protected override Task HandleAsync(ContactUpdated message, TenantSession session, CancellationToken cancellationToken) =>
        session.ExecuteAsync("""
            UPDATE contact_directory SET phone = @Phone, name = @Name, vip = @Vip, card_updated_at = @UpdatedAt
            WHERE tenant_id = @TenantId AND contact_id = @ContactId AND (card_updated_at IS NULL OR card_updated_at <= @UpdatedAt)
            """, new { message.TenantId, message.ContactId, message.Phone, message.Name, message.Vip, message.UpdatedAt }, cancellationToken);
}

public sealed class ContactErasedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<ContactErased>(dataSource)
{
    protected override Task HandleAsync(ContactErased message, TenantSession session, CancellationToken cancellationToken) =>
        session.ExecuteAsync("""
            DELETE FROM contact_directory WHERE tenant_id = @TenantId AND contact_id = @ContactId;
            UPDATE calls SET caller_number = 'erased', callback_number = CASE WHEN callback_number IS NULL THEN NULL ELSE 'erased' END
            WHERE tenant_id = @TenantId AND contact_id = @ContactId AND status IN ('completed', 'abandoned', 'rejected');
            """, new { message.TenantId, message.ContactId }, cancellationToken);
}

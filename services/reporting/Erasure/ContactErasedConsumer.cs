using Npgsql;
using Platform.Contracts.Contacts;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Inbox;

namespace Platform.Reporting.Erasure;

/// <summary>
/// A contact erased in the CRM leaves reporting: the caller and callback numbers of its calls (the calls its card was
/// recognised on, or its outcomes were written on) and of every call of its project from or to the same numbers are set to
/// null in <c>call_records</c> (so it leaves the abandoned-caller list and the call detail records), and the raw events of
/// the contact and of those calls lose their numbers and script answers in <c>event_log</c> and <c>parked_events</c>
/// (a rebuild reads them back blanked). The contact is remembered in <c>erased_contacts</c>, so an event of it that arrives
/// later lands blanked (triggers, migration 0020), and so do its numbers, as SHA-256 hashes in <c>erased_numbers</c>, for the
/// events of calls not recognised as the contact that arrive later (migration 0021); <see cref="ErasureLock"/> keeps the
/// events written in the same moment from slipping between the two. Figures are kept. Once per message (inbox).
/// </summary>
public sealed class ContactErasedConsumer(NpgsqlDataSource db) : InboxConsumer<ContactErased>(db)
{
    protected override async Task HandleAsync(ContactErased message, TenantSession session, CancellationToken ct)
    {
        await ErasureLock.ExclusiveAsync(session, ct); // no event of the tenant is being written meanwhile (see ErasureLock)
        await session.ExecuteAsync("""
            INSERT INTO erased_contacts (tenant_id, contact_id, project_id, erased_at) VALUES (@TenantId, @ContactId, @ProjectId, @At)
            ON CONFLICT DO NOTHING
            """, new { message.TenantId, message.ContactId, message.ProjectId, message.At }, ct);
        const string calls = """
            WITH own AS (
                SELECT call_id FROM call_records WHERE tenant_id = @TenantId AND contact_id = @ContactId
                UNION
                SELECT call_id FROM outcomes WHERE tenant_id = @TenantId AND contact_id = @ContactId AND call_id IS NOT NULL),
            numbers AS (
                SELECT caller_number AS number FROM call_records WHERE tenant_id = @TenantId AND call_id IN (SELECT call_id FROM own) AND caller_number IS NOT NULL
                UNION
                SELECT callback_number FROM call_records WHERE tenant_id = @TenantId AND call_id IN (SELECT call_id FROM own) AND callback_number IS NOT NULL)
            SELECT call_id FROM own
            UNION
            SELECT call_id FROM call_records
            WHERE tenant_id = @TenantId AND project_id = @ProjectId
              AND (caller_number IN (SELECT number FROM numbers) OR callback_number IN (SELECT number FROM numbers))
            """;
        var callIds = (await session.QueryAsync<Guid>(calls, new { message.TenantId, message.ContactId, message.ProjectId }, ct)).ToArray();
        var numbers = (await session.QueryAsync<string>("""
            SELECT caller_number FROM call_records WHERE tenant_id = @TenantId AND contact_id = @ContactId AND caller_number IS NOT NULL
            UNION
            SELECT callback_number FROM call_records WHERE tenant_id = @TenantId AND contact_id = @ContactId AND callback_number IS NOT NULL
            """, new { message.TenantId, message.ContactId }, ct)).ToArray();
        // The numbers, as hashes only, for the events of their calls still on their way (triggers, migration 0021).
        await session.ExecuteAsync("""
            INSERT INTO erased_numbers (tenant_id, project_id, number_hash, erased_at)
            SELECT @TenantId, @ProjectId, sha256(convert_to(number, 'UTF8')), @At FROM unnest(@numbers) AS number
            ON CONFLICT DO NOTHING
            """, new { message.TenantId, message.ProjectId, message.At, numbers }, ct);
        var parameters = new
        {
            message.TenantId, Contact = message.ContactId.ToString(), Project = message.ProjectId.ToString(), callIds,
            CallTexts = callIds.Select(c => c.ToString()).ToArray(), numbers,
        };
        await session.ExecuteAsync("""
            UPDATE call_records SET caller_number = NULL, callback_number = NULL
            WHERE tenant_id = @TenantId AND call_id = ANY(@callIds) AND (caller_number IS NOT NULL OR callback_number IS NOT NULL)
            """, parameters, ct);
        foreach (var table in new[] { "event_log", "parked_events" })
        {
            await session.ExecuteAsync($"""
                UPDATE {table} SET body = scrub_personal_event(body)
                WHERE tenant_id = @TenantId AND (body ->> 'contactId' = @Contact OR body ->> 'callId' = ANY(@CallTexts)
                       OR ((body ->> 'projectId' IS NULL OR body ->> 'projectId' = @Project)
                           AND (body ->> 'callerNumber' = ANY(@numbers) OR body ->> 'callbackNumber' = ANY(@numbers))))
                  AND body IS DISTINCT FROM scrub_personal_event(body)
                """, parameters, ct);
        }
    }
}

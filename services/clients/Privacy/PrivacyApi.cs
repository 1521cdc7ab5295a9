using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Clients.Contacts;
using Platform.Clients.Lifecycle;
using Platform.Contracts.Contacts;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.Clients.Privacy;

/// <summary>A person's rights over their data: see everything held about them, and have it erased.</summary>
public static class PrivacyApi
{
    public static void MapPrivacyApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/clients/contacts/{contactId:guid}").WithTags("Privacy").RequireAuthorization(Policies.Supervision);
        group.MapGet("/export", ExportContact).WithName("ExportContact").WithSummary("Everything kept about a contact, as a data subject's access request");
        group.MapDelete("/", EraseContact).WithName("EraseContact").WithSummary("Erases a contact's personal data (right to erasure)");
    }

    public sealed record ContactExport(ContactResponse Contact, ContactsApi.History History, Consent.ConsentsApi.ConsentEntry[] Consents,
        Complaints.ComplaintsApi.Complaint[] Complaints, Complaints.ComplaintsApi.Order[] Orders, DateTime ExportedAt);

    private static async Task<Results<Ok<ContactExport>, ProblemHttpResult>> ExportContact(
        Guid contactId, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var contact = await ContactsApi.FindAsync(session, contactId, ct);
        if (contact is null)
        {
            return Problems.NotFound("Contact", contactId);
        }
        var history = await ContactsApi.HistoryAsync(session, contactId, ct);
        var consents = await session.QueryAsync<Consent.ConsentsApi.ConsentEntry>("""
            SELECT id, purpose, granted, at, source, expires_at, recorded_by FROM consents
            WHERE tenant_id = @TenantId AND contact_id = @contactId ORDER BY at, id
            """, new { session.TenantId, contactId }, ct);
        return TypedResults.Ok(new ContactExport(contact, history, consents.ToArray(),
            await Complaints.ComplaintsApi.ComplaintsOfAsync(session, contactId, ct), await Complaints.ComplaintsApi.OrdersOfAsync(session, contactId, ct),
            clock.GetUtcNow().UtcDateTime));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> EraseContact(
        Guid contactId, ClaimsPrincipal user, NpgsqlDataSource db, DoNotCallList doNotCall, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var contact = await session.QuerySingleOrDefaultAsync<(Guid ProjectId, string Phone, string Status)?>(
            "SELECT project_id, phone, status FROM contacts WHERE tenant_id = @TenantId AND id = @contactId AND erased_at IS NULL FOR UPDATE",
            new { session.TenantId, contactId }, ct);
        if (contact is not { } erased)
        {
            return Problems.NotFound("Contact", contactId);
        }
        // A do-not-call request is final and outlives the person's data: the number's keyed hash stays on the list.
        // Its request was bound when it was recorded; a do-not-call contact from before numbers were bound binds its client company.
        if (erased.Status == ContactLifecycle.Name(ContactStatus.DoNotCall) && (await doNotCall.ScopesOfAsync(session, erased.Phone, ct)).Count == 0)
        {
            var company = (await Projects.ProjectSettings.LoadAsync(session, erased.ProjectId, ct))!.ClientCompanyId;
            await doNotCall.AddAsync(session, erased.Phone, company, "erasure of a do-not-call contact", user.UserId(), now, ct);
        }
        // Personal data out; what statistics need stays. Do-not-call, so no list ever brings them back by mistake.
        const string sql = """
            UPDATE contacts SET name = 'erased', company = NULL, phone = 'erased:' || id::text, phone_region = '', custom_fields = '{}',
                status = 'do_not_call', next_contact_at = NULL, callback_agent_id = NULL, erased_at = @now, updated_at = @now
            WHERE tenant_id = @TenantId AND id = @contactId;
            """;
        await session.ExecuteAsync(sql, new { now, session.TenantId, contactId }, ct);
        await session.ExecuteAsync("""
            UPDATE call_outcomes SET notes = NULL WHERE tenant_id = @TenantId AND contact_id = @contactId;
            UPDATE consents SET source = 'erased' WHERE tenant_id = @TenantId AND contact_id = @contactId;
            UPDATE complaints SET subject = 'erased', resolution = CASE WHEN resolution IS NULL THEN NULL ELSE 'erased' END
                WHERE tenant_id = @TenantId AND contact_id = @contactId;
            UPDATE orders SET description = 'erased' WHERE tenant_id = @TenantId AND contact_id = @contactId;
            DELETE FROM script_answers WHERE tenant_id = @TenantId AND contact_id = @contactId;
            UPDATE contact_card_changes SET from_value = NULL, to_value = NULL WHERE tenant_id = @TenantId AND contact_id = @contactId;
            DELETE FROM idempotency_keys WHERE tenant_id = @TenantId AND contact_id = @contactId;
            """, new { session.TenantId, contactId }, ct);
        await session.EraseContactAsync(contactId, ct); // the sent rows of the outbox keep their bodies for a week: blanked too
        await session.PublishAsync(new ContactErased(session.TenantId, contactId, erased.ProjectId, now), ct);
        await session.CommitAsync(ct);
        return TypedResults.NoContent();
    }
}

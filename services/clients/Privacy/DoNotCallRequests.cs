using Platform.Clients.Lifecycle;
using Platform.ServiceDefaults.Database;

namespace Platform.Clients.Privacy;

/// <summary>
/// Records a do-not-call request against the number: the entry on the list, and every contact with that number in the
/// projects it binds moved to do-not-call (with its history and <c>ContactStatusChanged</c>), in the caller's transaction.
/// </summary>
public static class DoNotCallRequests
{
    public sealed record Bound(Guid? ClientCompanyId, int ContactsMoved);

    public static async Task<Bound> BindAsync(TenantSession session, DoNotCallList list, string e164, DoNotCallScope scope, Guid? projectCompany,
        string source, Guid? byUser, Guid? callId, DateTimeOffset now, CancellationToken ct)
    {
        var company = DoNotCallScopes.CompanyOf(scope, projectCompany);
        await list.AddAsync(session, e164, company, source, byUser, now, ct);
        var others = await session.QueryAsync<(Guid Id, Guid ProjectId, string Status)>("""
            SELECT c.id, c.project_id, c.status FROM contacts c JOIN projects p ON p.tenant_id = c.tenant_id AND p.id = c.project_id
            WHERE c.tenant_id = @TenantId AND c.phone = @e164 AND c.erased_at IS NULL AND c.status <> 'do_not_call'
              AND (@company::uuid IS NULL OR p.client_company_id = @company)
            ORDER BY c.id
            FOR UPDATE OF c
            """, new { session.TenantId, e164, company }, ct);
        var moved = others.ToList();
        if (moved.Count > 0)
        {
            await session.ExecuteAsync("""
                UPDATE contacts SET status = 'do_not_call', next_contact_at = NULL, callback_agent_id = NULL, updated_at = @now
                WHERE tenant_id = @TenantId AND id = ANY(@Ids)
                """, new { session.TenantId, Ids = moved.Select(m => m.Id).ToArray(), now }, ct);
        }
        var reason = $"{DoNotCallList.Reason}: {source}";
        foreach (var contact in moved)
        {
            await StatusMoves.RecordAsync(session, contact.Id, contact.ProjectId, ContactLifecycle.Parse(contact.Status), ContactStatus.DoNotCall,
                byUser, callId, reason, now, ct);
        }
        return new Bound(company, moved.Count);
    }
}

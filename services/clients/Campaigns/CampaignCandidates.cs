using NodaTime;
using Platform.Clients.Consent;
using Platform.Clients.Dispositions;
using Platform.Clients.Lifecycle;
using Platform.Clients.Privacy;
using Platform.Clients.Recycling;
using Platform.Clients.Suppression;
using Platform.ServiceDefaults.Database;

namespace Platform.Clients.Campaigns;

/// <summary>
/// The contacts of a campaign's list that may be due now, in the plan's order (hot first, then by next contact date, VIP
/// first, then by id), with what <see cref="DialTimeCheck"/> needs to judge each. The SQL leaves out what it can cheaply
/// (closed, erased, do-not-call status, not due yet, leased, another agent's personal callback, suppressed, no consent);
/// the check then decides every one of them again in C#, with the calendar and zones. A campaign over its agents' plans of
/// the day reads only the contacts on the latest plan each of those users drew for today (<c>planUsers</c>); the plan's own
/// hold on them and their personal callbacks are theirs, so neither stands in the way.
/// </summary>
internal static class CampaignCandidates
{
    /// <summary>The contact <c>c</c> is on the latest plan one of <c>@planUsers</c> drew for a day within a day of now (none asked: every contact).</summary>
    private const string OnPlanSql = """
        (CAST(@planUsers AS uuid[]) IS NULL OR EXISTS (
            SELECT 1 FROM daily_plans dp
            WHERE dp.tenant_id = c.tenant_id AND dp.agent_id = ANY(@planUsers) AND c.id = ANY(dp.contact_ids)
              AND dp.plan_date = (SELECT max(x.plan_date) FROM daily_plans x WHERE x.tenant_id = dp.tenant_id AND x.agent_id = dp.agent_id
                                  AND x.plan_date BETWEEN CAST(@now AS date) - 1 AND CAST(@now AS date) + 1)))
        """;

    /// <summary>Leased now by a campaign or by another user's plan (a plan user's own plan does not hold the contact from them).</summary>
    private const string LeasedByOthersSql = """
        EXISTS (SELECT 1 FROM contact_leases l WHERE l.tenant_id = c.tenant_id AND l.contact_id = c.id AND l.leased_until > @now
                AND NOT (l.campaign_id IS NULL AND l.agent_id = ANY(COALESCE(CAST(@planUsers AS uuid[]), '{}'))))
        """;

    /// <summary>Another agent's personal callback (a plan user's own callback is theirs to dial).</summary>
    private const string OthersCallbackSql = "(c.callback_agent_id IS NOT NULL AND c.callback_agent_id <> ALL(COALESCE(CAST(@planUsers AS uuid[]), '{}')))";

    /// <param name="Closed">Only when the whole source is read: the contact carries a closing reason.</param>
    /// <param name="Held">Only when the whole source is read: leased now, or an agent's personal callback.</param>
    public sealed record Contact(Guid Id, string Name, string Phone, string TimeZone, DialTimeCheck.Candidate Facts, bool Closed = false, bool Held = false);

    private sealed class Row
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string Phone { get; init; } = "";
        public string Status { get; init; } = "";
        public string TimeZone { get; init; } = "";
        public string[] CallingZones { get; init; } = [];
        public string? PhoneRegion { get; init; }
        public DateTime? NextContactAt { get; init; }
        public bool Closed { get; init; }
        public bool Held { get; init; }
    }

    private sealed record ConsentRow(Guid ContactId, string Purpose, bool Granted, DateTime At, DateTime? ExpiresAt);

    private sealed record AttemptRow(Guid ContactId, DateTime RecordedAt, string Category);

    public static async Task<IReadOnlyList<Contact>> LoadAsync(TenantSession session, Guid projectId, string[] statuses, bool vipOnly, Guid? callListId,
        Guid[]? planUsers, Guid? clientCompanyId, DoNotCallList doNotCall, int fetch, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = $"""
            SELECT c.id, c.name, c.phone, c.status, c.time_zone, c.calling_zones, c.phone_region, c.next_contact_at
            FROM contacts c JOIN projects p ON p.tenant_id = c.tenant_id AND p.id = c.project_id
            WHERE c.tenant_id = @TenantId AND c.project_id = @projectId AND c.erased_at IS NULL AND c.closed_reason IS NULL
              AND c.status = ANY(@statuses) AND (NOT @vipOnly OR c.vip) AND (@callListId::uuid IS NULL OR c.import_id = @callListId)
              AND (c.next_contact_at IS NULL OR c.next_contact_at <= @now)
              AND NOT {OthersCallbackSql} AND NOT {LeasedByOthersSql} AND {OnPlanSql}
              AND NOT {SuppressionMatches.BlocksContactSql}
              AND (SELECT granted AND (expires_at IS NULL OR expires_at > @now) FROM consents s
                   WHERE s.tenant_id = c.tenant_id AND s.contact_id = c.id AND s.purpose = 'calls' ORDER BY s.at DESC, s.id DESC LIMIT 1)
              AND (SELECT granted AND (expires_at IS NULL OR expires_at > @now) FROM consents s
                   WHERE s.tenant_id = c.tenant_id AND s.contact_id = c.id AND s.purpose = 'data_processing' ORDER BY s.at DESC, s.id DESC LIMIT 1)
            ORDER BY (c.status = 'hot_potential') DESC, c.next_contact_at NULLS LAST, c.vip DESC, c.id
            LIMIT @fetch
            """;
        var rows = (await session.QueryAsync<Row>(sql, new { session.TenantId, projectId, statuses, vipOnly, callListId, planUsers, now, fetch }, ct)).ToList();
        return await WithFactsAsync(session, rows, clientCompanyId, doNotCall, ct);
    }

    /// <summary>
    /// Every contact of a campaign's source, closed, held and blocked ones included (for <see cref="ContactsLeft"/>): those of
    /// the statuses kept, and those that asked not to be called since. Erased contacts are no longer anyone's.
    /// </summary>
    public static async Task<IReadOnlyList<Contact>> LoadSourceAsync(TenantSession session, Guid projectId, string[] statuses, bool vipOnly, Guid? callListId,
        Guid[]? planUsers, Guid? clientCompanyId, DoNotCallList doNotCall, int fetch, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = $"""
            SELECT c.id, c.name, c.phone, c.status, c.time_zone, c.calling_zones, c.phone_region, c.next_contact_at, c.closed_reason IS NOT NULL AS closed,
                   ({OthersCallbackSql} OR {LeasedByOthersSql}) AS held
            FROM contacts c
            WHERE c.tenant_id = @TenantId AND c.project_id = @projectId AND c.erased_at IS NULL
              AND (c.status = ANY(@statuses) OR c.status = 'do_not_call') AND (NOT @vipOnly OR c.vip)
              AND (@callListId::uuid IS NULL OR c.import_id = @callListId) AND {OnPlanSql}
            ORDER BY c.id
            LIMIT @fetch
            """;
        var rows = (await session.QueryAsync<Row>(sql, new { session.TenantId, projectId, statuses, vipOnly, callListId, planUsers, now, fetch }, ct)).ToList();
        return await WithFactsAsync(session, rows, clientCompanyId, doNotCall, ct);
    }

    private static async Task<IReadOnlyList<Contact>> WithFactsAsync(TenantSession session, List<Row> rows, Guid? clientCompanyId, DoNotCallList doNotCall,
        CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return [];
        }
        var ids = rows.Select(r => r.Id).ToArray();
        var consents = (await session.QueryAsync<ConsentRow>("""
            SELECT contact_id, purpose, granted, at, expires_at FROM consents WHERE tenant_id = @TenantId AND contact_id = ANY(@ids)
            """, new { session.TenantId, ids }, ct)).ToLookup(c => c.ContactId);
        var attempts = (await session.QueryAsync<AttemptRow>("""
            SELECT contact_id, recorded_at, category FROM call_outcomes WHERE tenant_id = @TenantId AND contact_id = ANY(@ids)
            """, new { session.TenantId, ids }, ct)).ToLookup(a => a.ContactId);
        var numbers = rows.Select(r => r.Phone).Distinct().ToList();
        var listed = await doNotCall.ListedAsync(session, numbers, clientCompanyId, ct);
        var suppressed = await SuppressionMatches.OfAsync(session, numbers, clientCompanyId, ct);
        return rows.Select(r =>
        {
            var blocks = new List<string>();
            if (listed.Contains(r.Phone))
            {
                blocks.Add(DoNotCallList.Reason);
            }
            blocks.AddRange(suppressed.GetValueOrDefault(r.Phone) ?? []);
            var zones = new[] { r.TimeZone }.Concat(r.CallingZones).Distinct().Select(z => DateTimeZoneProviders.Tzdb[z]).ToList();
            var facts = new DialTimeCheck.Candidate(ContactLifecycle.Parse(r.Status),
                consents[r.Id].Select(c => new ConsentState(SnakeCase.TryParse<ConsentPurpose>(c.Purpose, out var p) ? p : ConsentPurpose.Recording, c.Granted,
                    Utc(c.At), c.ExpiresAt is { } e ? Utc(e) : null)).ToList(),
                zones, blocks, r.NextContactAt is { } next ? Utc(next) : null,
                attempts[r.Id].Select(a => new RecyclingRules.Attempt(Utc(a.RecordedAt),
                    SnakeCase.TryParse<DispositionCategory>(a.Category, out var category) ? category : DispositionCategory.Resolved)).ToList(),
                r.PhoneRegion);
            return new Contact(r.Id, r.Name, r.Phone, r.TimeZone, facts, r.Closed, r.Held);
        }).ToList();
    }

    private static Instant Utc(DateTime at) => Instant.FromDateTimeUtc(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}

using NodaTime;
using Platform.Clients.Lifecycle;
using Platform.Clients.Suppression;
using Platform.ServiceDefaults.Database;

namespace Platform.Clients.Plan;

/// <summary>
/// The contacts that may be due on a date: not do-not-call, not closed by the recycling rules, not leased to another agent, no suppression list binding their project holding their number, not waiting out a cooldown, with consent to data processing
/// and to calls holding now, due before the date is over somewhere on Earth (or never called), and not another
/// agent's personal callback. The plan's own rules (their calendar, their zone) then decide in <see cref="DailyPlan"/>.
/// </summary>
internal static class PlanQuery
{
    private sealed class Row
    {
        public Guid Id { get; init; }
        public Guid ProjectId { get; init; }
        public string Name { get; init; } = "";
        public string Phone { get; init; } = "";
        public string Status { get; init; } = "";
        public bool Vip { get; init; }
        public DateTime? NextContactAt { get; init; }
        public Guid? CallbackAgentId { get; init; }
        public string TimeZone { get; init; } = "";
        public bool OpenComplaint { get; init; }
        public string[] CallingZones { get; init; } = [];
        public string? PhoneRegion { get; init; }
    }

    public static async Task<IReadOnlyList<PlanCandidate>> CandidatesAsync(TenantSession session, Guid agentId, Guid? projectId, LocalDate date, int limit, CancellationToken ct)
    {
        // Walk the plan's index in order; contacts with an open complaint (few) are added whatever their place in it.
        const string sql = $"""
            WITH candidates AS (
            SELECT c.id, c.project_id, c.name, c.phone, c.status, c.vip, c.next_contact_at, c.callback_agent_id, c.time_zone, c.calling_zones, c.phone_region
            FROM contacts c JOIN projects p ON p.tenant_id = c.tenant_id AND p.id = c.project_id
            WHERE c.tenant_id = @TenantId
              AND (@projectId::uuid IS NULL OR c.project_id = @projectId)
              AND NOT {SuppressionMatches.BlocksContactSql}
              AND c.closed_reason IS NULL
              AND NOT EXISTS (SELECT 1 FROM contact_leases l WHERE l.tenant_id = c.tenant_id AND l.contact_id = c.id
                              AND l.agent_id <> @agentId AND l.leased_until > now())
              AND c.status IN ('potential', 'hot_potential', 'accompanied')
              AND (c.next_contact_at IS NULL OR c.next_contact_at < @LatestDayEnd)
              AND (c.callback_agent_id IS NULL OR c.callback_agent_id = @agentId)
              AND (SELECT granted AND (expires_at IS NULL OR expires_at > now()) FROM consents s
                   WHERE s.tenant_id = c.tenant_id AND s.contact_id = c.id AND s.purpose = 'calls' ORDER BY s.at DESC, s.id DESC LIMIT 1)
              AND (SELECT granted AND (expires_at IS NULL OR expires_at > now()) FROM consents s
                   WHERE s.tenant_id = c.tenant_id AND s.contact_id = c.id AND s.purpose = 'data_processing' ORDER BY s.at DESC, s.id DESC LIMIT 1)
            ORDER BY (c.status = 'hot_potential') DESC, c.next_contact_at NULLS LAST, c.vip DESC, c.id
            LIMIT @Fetch)
            SELECT k.id, k.project_id, k.name, k.phone, k.status, k.vip, k.next_contact_at, k.callback_agent_id, k.time_zone,
                   EXISTS (SELECT 1 FROM complaints o WHERE o.tenant_id = @TenantId AND o.contact_id = k.id AND o.resolved_at IS NULL) AS open_complaint, k.calling_zones, k.phone_region
            FROM (SELECT * FROM candidates
                  UNION
                  SELECT c.id, c.project_id, c.name, c.phone, c.status, c.vip, c.next_contact_at, c.callback_agent_id, c.time_zone, c.calling_zones, c.phone_region
                  FROM complaints o JOIN contacts c ON c.tenant_id = o.tenant_id AND c.id = o.contact_id
                  JOIN projects p ON p.tenant_id = c.tenant_id AND p.id = c.project_id
                  WHERE NOT {SuppressionMatches.BlocksContactSql} AND c.closed_reason IS NULL
                    AND NOT EXISTS (SELECT 1 FROM contact_leases l WHERE l.tenant_id = c.tenant_id AND l.contact_id = c.id
                                    AND l.agent_id <> @agentId AND l.leased_until > now()) AND o.tenant_id = @TenantId AND o.resolved_at IS NULL AND (@projectId::uuid IS NULL OR c.project_id = @projectId)
                    AND c.status IN ('potential', 'hot_potential', 'accompanied') AND c.erased_at IS NULL
                    AND (c.callback_agent_id IS NULL OR c.callback_agent_id = @agentId)
                    AND (SELECT granted AND (expires_at IS NULL OR expires_at > now()) FROM consents s
                         WHERE s.tenant_id = c.tenant_id AND s.contact_id = c.id AND s.purpose = 'calls' ORDER BY s.at DESC, s.id DESC LIMIT 1)
                    AND (SELECT granted AND (expires_at IS NULL OR expires_at > now()) FROM consents s
                         WHERE s.tenant_id = c.tenant_id AND s.contact_id = c.id AND s.purpose = 'data_processing' ORDER BY s.at DESC, s.id DESC LIMIT 1)
                 ) AS k
            """;
        // The date ends last at UTC-12; fetch more than the plan holds, as the calendar drops some.
        var latestDayEnd = date.PlusDays(1).AtMidnight().InUtc().ToInstant().Plus(Duration.FromHours(14)).ToDateTimeUtc();
        var rows = await session.QueryAsync<Row>(sql, new { session.TenantId, projectId, LatestDayEnd = latestDayEnd, agentId, Fetch = limit * 4 }, ct);
        return rows.Select(r => new PlanCandidate(r.Id, r.ProjectId, r.Name, r.Phone, ContactLifecycle.Parse(r.Status), r.Vip,
            r.NextContactAt is { } next ? Instant.FromDateTimeUtc(DateTime.SpecifyKind(next, DateTimeKind.Utc)) : null,
            r.CallbackAgentId, DateTimeZoneProviders.Tzdb[r.TimeZone], r.OpenComplaint,
            r.CallingZones.Select(z => DateTimeZoneProviders.Tzdb[z]).ToList(), r.PhoneRegion)).ToList();
    }
}

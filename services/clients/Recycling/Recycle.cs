using NodaTime;
using Platform.Clients.Dispositions;
using Platform.ServiceDefaults.Database;

namespace Platform.Clients.Recycling;

/// <summary>
/// Applies the project's <see cref="RecyclingRules"/> after an outcome, in its transaction: the contact's lease ends,
/// it rests until the rules allow the next call (its next contact date, unless the agent agreed one), or is closed
/// with the reason at the limit. The plan (and a dialer) then read the contact's dates and closure.
/// </summary>
public static class Recycle
{
    private sealed record Row(DateTime RecordedAt, string Category);

    public static async Task AfterOutcomeAsync(TenantSession session, Guid contactId, Guid projectId, DateTimeOffset? agreedNext, DateTimeOffset now,
        CancellationToken ct)
    {
        await session.ExecuteAsync("DELETE FROM contact_leases WHERE tenant_id = @TenantId AND contact_id = @contactId", new { session.TenantId, contactId }, ct);
        var rules = (await RecyclingApi.LoadAsync(session, projectId, ct))!;
        var zone = await session.QuerySingleOrDefaultAsync<string>("SELECT time_zone FROM contacts WHERE tenant_id = @TenantId AND id = @contactId",
            new { session.TenantId, contactId }, ct);
        var attempts = (await session.QueryAsync<Row>("""
                SELECT recorded_at, category FROM call_outcomes WHERE tenant_id = @TenantId AND contact_id = @contactId ORDER BY recorded_at
                """, new { session.TenantId, contactId }, ct))
            .Select(r => new RecyclingRules.Attempt(Instant.FromDateTimeUtc(DateTime.SpecifyKind(r.RecordedAt, DateTimeKind.Utc)),
                SnakeCase.TryParse<DispositionCategory>(r.Category, out var category) ? category : DispositionCategory.Resolved))
            .ToList();
        var verdict = rules.Judge(attempts, DateTimeZoneProviders.Tzdb[zone!], Instant.FromDateTimeOffset(now));
        await session.ExecuteAsync("""
            UPDATE contacts SET closed_reason = @ClosedBecause,
                next_contact_at = CASE WHEN @ClosedBecause::text IS NOT NULL THEN NULL
                                       WHEN @agreedNext::timestamptz IS NULL AND @EligibleFrom::timestamptz IS NOT NULL THEN @EligibleFrom
                                       ELSE next_contact_at END
            WHERE tenant_id = @TenantId AND id = @contactId
            """, new { verdict.ClosedBecause, agreedNext, EligibleFrom = verdict.EligibleFrom?.ToDateTimeOffset(), session.TenantId, contactId }, ct);
    }
}

using Platform.ServiceDefaults.Database;

namespace Platform.Reporting.Erasure;

/// <summary>
/// Keeps an erasure and the counting of a tenant's events apart (a transaction-scoped advisory lock per tenant): every
/// transaction that writes events or call records holds it shared, the erasure holds it alone. Without it an event written
/// in the same moment as the erasure kept its number: its trigger ran before the erasure committed the numbers to forget,
/// and the erasure's blanking ran before that event was committed. Other tenants' events never wait.
/// </summary>
public static class ErasureLock
{
    /// <summary>The lock's key for the tenant in <c>@TenantId</c>, as SQL.</summary>
    public const string Key = "hashtextextended('reporting-erasure:' || @TenantId::text, 0)";

    /// <summary>Taken first by a transaction that writes events (many at a time, waiting only for an erasure).</summary>
    public static Task SharedAsync(TenantSession session, CancellationToken ct) =>
        session.ExecuteAsync($"SELECT pg_advisory_xact_lock_shared({Key})", new { session.TenantId }, ct);

    /// <summary>Taken first by the erasure: waits for the writes under way to commit, holds new ones until it commits.</summary>
    public static Task ExclusiveAsync(TenantSession session, CancellationToken ct) =>
        session.ExecuteAsync($"SELECT pg_advisory_xact_lock({Key})", new { session.TenantId }, ct);
}

using Platform.ServiceDefaults.Database;

namespace Platform.Queue.Dialer.Dialing;

/// <summary>A campaign locked for one tick (FOR UPDATE SKIP LOCKED: a campaign another replica paces now is passed over).</summary>
public sealed class PacedCampaign
{
    public Guid Id { get; init; }
    public Guid ProjectId { get; init; }
    public Guid QueueId { get; init; }
    public string State { get; init; } = "";
    public string DialMode { get; init; } = "";
    public string CallerId { get; init; } = "";
    public string[] SourceStatuses { get; init; } = [];
    public bool SourceVipOnly { get; init; }
    public TimeOnly? HoursFrom { get; init; }
    public TimeOnly? HoursTo { get; init; }
    public decimal AbandonCapPercent { get; init; }
    public int RingSeconds { get; init; }
    public int DefaultHandleSeconds { get; init; }
    public DateTime? ExhaustedAt { get; init; }
    public string? LastPacedAs { get; init; }

    public ContactLeasing.Source LeaseSource => new(Id, ProjectId, SourceStatuses, SourceVipOnly,
        HoursFrom, HoursTo);

    public static Task<PacedCampaign?> LockAsync(TenantSession session, Guid campaignId, CancellationToken ct, bool skipLocked = true) =>
        session.QuerySingleOrDefaultAsync<PacedCampaign>($"""
            SELECT c.id, c.project_id, c.queue_id, c.state, c.dial_mode, c.caller_id, c.source_statuses, c.source_vip_only, c.hours_from, c.hours_to,
                   c.abandon_cap_percent, c.ring_seconds, q.default_handle_seconds, c.exhausted_at, c.last_paced_as
            FROM campaigns c JOIN queues q ON q.tenant_id = c.tenant_id AND q.id = c.queue_id
            WHERE c.tenant_id = @TenantId AND c.id = @campaignId
            FOR UPDATE OF c {(skipLocked ? "SKIP LOCKED" : "")}
            """, new { session.TenantId, campaignId }, ct);
}

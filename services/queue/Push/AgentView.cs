using Npgsql;
using Platform.ServiceDefaults.Database;

namespace Platform.Queue.Push;

/// <summary>
/// What an agent's desktop shows, sent whole on every change: their state, and the call offered to them or in their
/// hands with its screen pop (the call, the caller's contact card, the project's script to open).
/// </summary>
public static class AgentView
{
    public sealed record ContactCard(Guid Id, string? Name, string Status, bool Vip, string Href);

    public sealed record ScriptToOpen(Guid ProjectId, string Href);

    public sealed record ScreenPop(
        Guid CallId, string Status, Guid QueueId, string QueueName, Guid ProjectId, string ProjectName, string CallerNumber, bool Vip,
        int Priority, string? CallbackNumber, DateTime ArrivedAt, DateTime? OfferExpiresAt, ContactCard? Contact, ScriptToOpen Script,
        DateTime? HeldSince = null, int HoldSeconds = 0);

    /// <summary>The agent's phone: the extension or SIP URI the PBX rings, a phone number when working remotely, and whether it is registered.</summary>
    public sealed record AgentDevice(string? Extension, string? SipUri, string? Phone, bool? Registered);

    public sealed record View(
        Guid AgentId, string Name, string State, string? PauseCode, DateTime StateSince, DateTime? WrapUpUntil, ScreenPop? Call, AgentDevice? Device = null);

    /// <summary>The agent, and the call offered to them or else the one in their hands: one statement, two index lookups for the call.</summary>
    private sealed class Row
    {
        public Guid AgentId { get; init; }
        public string Name { get; init; } = "";
        public string State { get; init; } = "";
        public string? PauseCode { get; init; }
        public DateTime StateSince { get; init; }
        public DateTime? WrapUpUntil { get; init; }
        public string? DeviceExtension { get; init; }
        public string? DeviceSipUri { get; init; }
        public string? DevicePhone { get; init; }
        public bool? DeviceRegistered { get; init; }
        public Guid? CallId { get; init; }
        public string? Status { get; init; }
        public Guid QueueId { get; init; }
        public string QueueName { get; init; } = "";
        public Guid ProjectId { get; init; }
        public string ProjectName { get; init; } = "";
        public string CallerNumber { get; init; } = "";
        public bool Vip { get; init; }
        public int Priority { get; init; }
        public string? CallbackNumber { get; init; }
        public DateTime ArrivedAt { get; init; }
        public DateTime? OfferExpiresAt { get; init; }
        public Guid? ContactId { get; init; }
        public string? ContactName { get; init; }
        public string? ContactStatus { get; init; }
        public bool? ContactVip { get; init; }
        public DateTime? HeldSince { get; init; }
        public int HoldSeconds { get; init; }
    }

    // The call offered to the agent, else the one in their hands: two index lookups (call_offers_one_per_agent,
    // calls_one_per_agent). Asked as one OR across a left join, PostgreSQL scanned every call of the tenant on each view.
    private const string Sql = """
        SELECT a.id AS agent_id, a.name, a.state, a.pause_code, a.state_since, a.wrap_up_until,
               a.device_extension, a.device_sip_uri, a.device_phone, a.device_registered, call.*
        FROM agents a
        LEFT JOIN LATERAL (
            SELECT c.id AS call_id, mine.status, c.queue_id, q.name AS queue_name,
                   c.project_id, p.name AS project_name, c.caller_number, c.vip, c.priority, c.callback_number, c.arrived_at,
                   mine.offer_expires_at, c.contact_id, d.name AS contact_name, d.status AS contact_status, d.vip AS contact_vip,
                   c.held_since, c.hold_seconds
            FROM (SELECT o.call_id, 'offered' AS status, o.expires_at AS offer_expires_at, 0 AS rank
                  FROM call_offers o WHERE o.tenant_id = a.tenant_id AND o.agent_id = a.id
                  UNION ALL
                  SELECT h.id, h.status, NULL::timestamptz, 1
                  FROM calls h WHERE h.tenant_id = a.tenant_id AND h.agent_id = a.id AND h.status IN ('on_call', 'wrap_up')) mine
            JOIN calls c ON c.tenant_id = a.tenant_id AND c.id = mine.call_id
            JOIN queues q ON q.tenant_id = c.tenant_id AND q.id = c.queue_id
            JOIN projects p ON p.tenant_id = c.tenant_id AND p.id = c.project_id
            LEFT JOIN contact_directory d ON d.tenant_id = c.tenant_id AND d.contact_id = c.contact_id
            ORDER BY mine.rank LIMIT 1) call ON true
        WHERE a.tenant_id = @TenantId AND a.id = @agentId
        """;

    public static async Task<View?> ReadAsync(TenantSession session, Guid agentId, CancellationToken ct) =>
        ToView(await session.QuerySingleOrDefaultAsync<Row>(Sql, new { session.TenantId, agentId }, ct));

    /// <summary>The same view without a unit of work: one round trip (the push channel reads it after every change).</summary>
    public static async Task<View?> ReadAsync(NpgsqlDataSource db, Guid tenantId, Guid agentId, CancellationToken ct) =>
        ToView(await db.QueryFirstOrDefaultAsTenantAsync<Row>(tenantId, Sql, new { TenantId = tenantId, agentId }, ct));

    private static View? ToView(Row? row) => row is null ? null : new View(
        row.AgentId, row.Name, row.State, row.PauseCode, row.StateSince, row.WrapUpUntil, row.CallId is not { } callId ? null : new ScreenPop(
            callId, row.Status!, row.QueueId, row.QueueName, row.ProjectId, row.ProjectName, row.CallerNumber, row.Vip, row.Priority,
            row.CallbackNumber, row.ArrivedAt, row.OfferExpiresAt,
            row.ContactId is { } contactId
                ? new ContactCard(contactId, row.ContactName, row.ContactStatus ?? "unknown", row.ContactVip ?? row.Vip, $"/api/clients/contacts/{contactId}")
                : null,
            new ScriptToOpen(row.ProjectId, $"/api/scripts/projects/{row.ProjectId}/scripts"), row.HeldSince, row.HoldSeconds),
        new AgentDevice(row.DeviceExtension, row.DeviceSipUri, row.DevicePhone, row.DeviceRegistered));
}

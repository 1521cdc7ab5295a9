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
        int Priority, string? CallbackNumber, DateTime ArrivedAt, DateTime? OfferExpiresAt, ContactCard? Contact, ScriptToOpen Script);

    public sealed record View(Guid AgentId, string Name, string State, string? PauseCode, DateTime StateSince, DateTime? WrapUpUntil, ScreenPop? Call);

    private sealed class CallRow
    {
        public Guid CallId { get; init; }
        public string Status { get; init; } = "";
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
    }

    public static async Task<View?> ReadAsync(TenantSession session, Guid agentId, CancellationToken ct)
    {
        var agent = await session.QuerySingleOrDefaultAsync<(Guid Id, string Name, string State, string? PauseCode, DateTime StateSince, DateTime? WrapUpUntil)?>(
            "SELECT id, name, state, pause_code, state_since, wrap_up_until FROM agents WHERE tenant_id = @TenantId AND id = @agentId",
            new { session.TenantId, agentId }, ct);
        if (agent is not { } a)
        {
            return null;
        }
        // The call offered to the agent, else the one in their hands: two index lookups (call_offers_one_per_agent,
        // calls_one_per_agent). Asked as one OR across a left join, PostgreSQL scanned every call of the tenant on each view.
        const string callSql = """
            SELECT c.id AS call_id, mine.status, c.queue_id, q.name AS queue_name,
                   c.project_id, p.name AS project_name, c.caller_number, c.vip, c.priority, c.callback_number, c.arrived_at,
                   mine.offer_expires_at, c.contact_id, d.name AS contact_name, d.status AS contact_status, d.vip AS contact_vip
            FROM (SELECT o.call_id, 'offered' AS status, o.expires_at AS offer_expires_at, 0 AS rank
                  FROM call_offers o WHERE o.tenant_id = @TenantId AND o.agent_id = @agentId
                  UNION ALL
                  SELECT h.id, h.status, NULL::timestamptz, 1
                  FROM calls h WHERE h.tenant_id = @TenantId AND h.agent_id = @agentId AND h.status IN ('on_call', 'wrap_up')) mine
            JOIN calls c ON c.tenant_id = @TenantId AND c.id = mine.call_id
            JOIN queues q ON q.tenant_id = c.tenant_id AND q.id = c.queue_id
            JOIN projects p ON p.tenant_id = c.tenant_id AND p.id = c.project_id
            LEFT JOIN contact_directory d ON d.tenant_id = c.tenant_id AND d.contact_id = c.contact_id
            ORDER BY mine.rank LIMIT 1
            """;
        var call = await session.QuerySingleOrDefaultAsync<CallRow>(callSql, new { session.TenantId, agentId }, ct);
        return new View(a.Id, a.Name, a.State, a.PauseCode, a.StateSince, a.WrapUpUntil, call is null ? null : new ScreenPop(
            call.CallId, call.Status, call.QueueId, call.QueueName, call.ProjectId, call.ProjectName, call.CallerNumber, call.Vip, call.Priority,
            call.CallbackNumber, call.ArrivedAt, call.OfferExpiresAt,
            call.ContactId is { } contactId
                ? new ContactCard(contactId, call.ContactName, call.ContactStatus ?? "unknown", call.ContactVip ?? call.Vip, $"/api/clients/contacts/{contactId}")
                : null,
            new ScriptToOpen(call.ProjectId, $"/api/scripts/projects/{call.ProjectId}/scripts")));
    }
}

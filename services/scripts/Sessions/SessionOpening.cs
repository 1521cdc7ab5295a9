using Platform.Contracts.Scripts;
using Platform.Scripts.Authoring.Walking;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.Scripts.Sessions;

/// <summary>Who a session is for: the call and agent (when it opens on an answered call), the contact, the agent's user and name.</summary>
public sealed record SessionParties(Guid? CallId, Guid? AgentId, Guid? ContactId, Guid? AgentUserId, string? AgentName);

/// <summary>
/// Opens a session on the project's active version, at its first step, and announces it (<see cref="ScriptSessionStarted"/>)
/// in the same transaction. No active version: no session.
/// </summary>
public static class SessionOpening
{
    private sealed record ActiveVersion(Guid ScriptId, int Version, string ProjectName, string? CompanyName, string? ContactName, string? ContactPhone, string? ContactCustom);

    public static async Task<Guid?> OpenAsync(
        TenantSession session, Guid projectId, SessionParties parties, CompiledScripts scripts, DateTimeOffset now, CancellationToken ct)
    {
        var active = await session.QuerySingleOrDefaultAsync<ActiveVersion>(
            """
            SELECT p.active_script_id AS script_id, p.active_version AS version, p.name AS project_name, p.company_name,
                   c.name AS contact_name, c.phone AS contact_phone, c.custom_fields::text AS contact_custom
            FROM projects p LEFT JOIN contacts c ON c.tenant_id = p.tenant_id AND c.id = @ContactId AND NOT c.erased
            WHERE p.tenant_id = @TenantId AND p.id = @projectId AND p.active_script_id IS NOT NULL
            """,
            new { session.TenantId, projectId, parties.ContactId }, ct);
        if (active is null)
        {
            return null;
        }
        var script = await scripts.GetAsync(session, active.ScriptId, active.Version, ct);
        var variables = SessionRow.Values(active.ProjectName, active.CompanyName, active.ContactName, active.ContactPhone, active.ContactCustom, parties.AgentName);
        var state = ScriptWalker.Start(script, variables, now).State!;
        var id = Guid.CreateVersion7();
        const string sql = """
            INSERT INTO script_sessions (tenant_id, id, project_id, script_id, version, call_id, agent_id, contact_id, agent_user_id, agent_name,
                                         state, status, started_at)
            VALUES (@TenantId, @id, @projectId, @ScriptId, @Version, @CallId, @AgentId, @ContactId, @AgentUserId, @AgentName,
                    CAST(@state AS jsonb), 'open', @now)
            ON CONFLICT (tenant_id, call_id, agent_id) DO NOTHING
            """;
        var inserted = await session.ExecuteAsync(sql, new
        {
            session.TenantId, id, projectId, active.ScriptId, active.Version, parties.CallId, parties.AgentId, parties.ContactId,
            parties.AgentUserId, parties.AgentName, state = SessionRow.Serialize(state), now,
        }, ct);
        if (inserted == 0)
        {
            return null;
        }
        await session.PublishAsync(new ScriptSessionStarted(
            session.TenantId, id, active.ScriptId, active.Version, projectId, parties.CallId, parties.ContactId, parties.AgentUserId, now), ct);
        return id;
    }
}

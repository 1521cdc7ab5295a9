using System.Text.Json;
using Platform.Scripts.Authoring.Walking;
using Platform.ServiceDefaults.Database;

namespace Platform.Scripts.Sessions;

/// <summary>
/// A session as stored, with what its variables need: the project, its company, the contact (when known and not
/// erased) and the agent's name as the queue service last announced it (an agent heard of after the session opened, or
/// renamed since, shows by the current name).
/// </summary>
public sealed record SessionRow(
    Guid Id, Guid ProjectId, Guid ScriptId, int Version, Guid? CallId, Guid? AgentId, Guid? ContactId, Guid? AgentUserId,
    string? AgentName, string State, string Status, DateTime StartedAt, DateTime? CompletedAt,
    string ProjectName, string? CompanyName, string? ContactName, string? ContactPhone, string? ContactCustom)
{
    public const string Open = "open";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public SessionState Walk => JsonSerializer.Deserialize<SessionState>(State, Json)!;

    public static string Serialize(SessionState state) => JsonSerializer.Serialize(state, Json);

    public static Task<SessionRow?> FindAsync(TenantSession session, Guid sessionId, CancellationToken ct, bool forUpdate = false) =>
        session.QuerySingleOrDefaultAsync<SessionRow>($"""
            SELECT s.id, s.project_id, s.script_id, s.version, s.call_id, s.agent_id, s.contact_id, s.agent_user_id, COALESCE(a.name, s.agent_name) AS agent_name,
                   s.state::text AS state, s.status, s.started_at, s.completed_at,
                   p.name AS project_name, p.company_name, c.name AS contact_name, c.phone AS contact_phone,
                   c.custom_fields::text AS contact_custom
            FROM script_sessions s
            JOIN projects p ON p.tenant_id = s.tenant_id AND p.id = s.project_id
            LEFT JOIN contacts c ON c.tenant_id = s.tenant_id AND c.id = s.contact_id AND NOT c.erased
            LEFT JOIN agents a ON a.tenant_id = s.tenant_id AND a.id = s.agent_id
            WHERE s.tenant_id = @TenantId AND s.id = @sessionId
            {(forUpdate ? "FOR UPDATE OF s" : "")}
            """, new { session.TenantId, sessionId }, ct);

    /// <summary>What the script's variables stand for in this session.</summary>
    public VariableValues Variables => Values(ProjectName, CompanyName, ContactName, ContactPhone, ContactCustom, AgentName);

    public static VariableValues Values(
        string? projectName, string? companyName, string? contactName, string? contactPhone, string? contactCustom, string? agentName)
    {
        var known = new Dictionary<string, string>
        {
            [Authoring.Validation.Variables.ContactName] = contactName ?? "",
            [Authoring.Validation.Variables.ContactPhone] = contactPhone ?? "",
            [Authoring.Validation.Variables.AgentName] = agentName ?? "",
            [Authoring.Validation.Variables.ProjectName] = projectName ?? "",
            [Authoring.Validation.Variables.ProjectCompany] = companyName ?? "",
        };
        foreach (var (field, value) in CustomFieldText.Of(contactCustom))
        {
            known[Authoring.Validation.Variables.CustomPrefix + field] = value;
        }
        return new VariableValues(known);
    }
}

using System.Security.Claims;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;

namespace Platform.Scripts.Scoping;

/// <summary>
/// Which projects' scripts and sessions a user of the call center reads: the CRM's rule (services/clients/Scoping), from
/// the same AgentAssignmentsChanged events. An agent reads the projects they work on (assignments and queue memberships);
/// a supervisor who leads groups, their groups' agents' projects (and their own as an agent); a supervisor who leads no
/// group (a floor manager) and admins, every project.
/// </summary>
internal static class ProjectScope
{
    private const string ItemKey = "scripts.project-scope";

    /// <summary>Whether the user may be limited to some projects: an agent or a supervisor who is not an admin.</summary>
    public static bool MayBeLimited(ClaimsPrincipal user) =>
        !user.IsInRole(Roles.Admin) && (user.IsInRole(Roles.Agent) || user.IsInRole(Roles.Supervisor));

    /// <summary>The projects the user reads; null: every project.</summary>
    public static async Task<IReadOnlySet<Guid>?> ProjectsOfAsync(TenantSession session, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!MayBeLimited(user))
        {
            return null;
        }
        var supervisor = user.IsInRole(Roles.Supervisor);
        const string sql = """
            SELECT DISTINCT p.project_id, a.supervisor_id = @userId AS led FROM agent_assignments a, unnest(a.project_ids) AS p(project_id)
            WHERE a.tenant_id = @TenantId AND (a.user_id = @userId OR (@supervisor AND a.supervisor_id = @userId))
            UNION ALL
            SELECT NULL, true WHERE @supervisor AND EXISTS (SELECT 1 FROM agent_assignments WHERE tenant_id = @TenantId AND supervisor_id = @userId)
            """;
        var rows = (await session.QueryAsync<(Guid? ProjectId, bool? Led)>(sql, new { session.TenantId, userId = user.UserId(), supervisor }, ct)).ToList();
        if (supervisor && !rows.Any(r => r.Led == true))
        {
            return null; // a supervisor who leads no group
        }
        return rows.Where(r => r.ProjectId is not null).Select(r => r.ProjectId!.Value).ToHashSet();
    }

    /// <summary>The projects the request's user reads, as the scope filter found them; null: every project.</summary>
    public static Guid[]? Of(HttpContext http) => http.Items.TryGetValue(ItemKey, out var scope) ? scope as Guid[] : null;

    public static void Set(HttpContext http, IReadOnlySet<Guid> projects) => http.Items[ItemKey] = projects.ToArray();
}

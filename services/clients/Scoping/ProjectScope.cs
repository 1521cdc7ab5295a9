using System.Security.Claims;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;

namespace Platform.Clients.Scoping;

/// <summary>
/// What projects a user of the call center sees in the CRM: an outsourced call center serves competing client companies,
/// so an agent sees only the projects they work on (their assignments and queue memberships, from the queue service); a
/// supervisor who leads groups sees their groups' agents' projects (and their own as an agent); a supervisor who leads no
/// group (a floor manager: the call center gives them every project by giving them no group) and admins see every project.
/// </summary>
public static class ProjectScope
{
    private const string ItemKey = "clients.project-scope";

    /// <summary>Whether the user may be limited to some projects: an agent or a supervisor who is not an admin.</summary>
    public static bool MayBeLimited(ClaimsPrincipal user) =>
        !user.IsInRole(Roles.Admin) && (user.IsInRole(Roles.Agent) || user.IsInRole(Roles.Supervisor));

    /// <summary>The projects the user sees; null: every project.</summary>
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

    /// <summary>The projects the request's user may see, as the scope filter found them; null: every project.</summary>
    public static IReadOnlySet<Guid>? Of(HttpContext http) => http.Items.TryGetValue(ItemKey, out var scope) ? scope as IReadOnlySet<Guid> : null;

    internal static void Set(HttpContext http, IReadOnlySet<Guid> projects) => http.Items[ItemKey] = projects;

    /// <summary>Whether a project is in the scope (null scope: every project).</summary>
    public static bool Allows(this IReadOnlySet<Guid>? scope, Guid projectId) => scope is null || scope.Contains(projectId);
}

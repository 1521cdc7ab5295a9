using System.Security.Claims;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;

namespace Platform.Clients.Scoping;

/// <summary>
/// What projects a user of the call center sees in the CRM: an outsourced call center serves competing client companies,
/// so an agent sees only the projects they work on (their assignments and queue memberships, from the queue service);
/// supervisors and admins see every project.
/// </summary>
public static class ProjectScope
{
    private const string ItemKey = "clients.project-scope";

    /// <summary>Whether the user is limited to their projects: an agent who is neither admin nor supervisor.</summary>
    public static bool IsLimited(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Agent) && !user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.Supervisor);

    /// <summary>The projects an agent user works on (any of their agent records); none when the queue service knows no agent of theirs.</summary>
    public static async Task<IReadOnlySet<Guid>> ProjectsOfAsync(TenantSession session, Guid userId, CancellationToken ct) =>
        (await session.QueryAsync<Guid>("SELECT DISTINCT unnest(project_ids) FROM agent_assignments WHERE tenant_id = @TenantId AND user_id = @userId",
            new { session.TenantId, userId }, ct)).ToHashSet();

    /// <summary>The projects the request's user may see, as the scope filter found them; null: every project.</summary>
    public static IReadOnlySet<Guid>? Of(HttpContext http) => http.Items.TryGetValue(ItemKey, out var scope) ? scope as IReadOnlySet<Guid> : null;

    internal static void Set(HttpContext http, IReadOnlySet<Guid> projects) => http.Items[ItemKey] = projects;

    /// <summary>Whether a project is in the scope (null scope: every project).</summary>
    public static bool Allows(this IReadOnlySet<Guid>? scope, Guid projectId) => scope is null || scope.Contains(projectId);
}

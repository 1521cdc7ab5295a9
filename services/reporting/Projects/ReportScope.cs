using System.Security.Claims;
using Platform.ServiceDefaults.Auth;

namespace Platform.Reporting.Projects;

/// <summary>Which projects a caller's reports may cover: all of the tenant's, or a client viewer's own ones only.</summary>
public static class ReportScope
{
    /// <summary>Null for the call center's own people (no limit); a client viewer's project ids otherwise (maybe none).</summary>
    public static Guid[]? OnlyProjects(ClaimsPrincipal user) =>
        user.IsInRole(Roles.ClientViewer)
            ? user.FindAll(PlatformClaims.Project).Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToArray()
            : null;
}

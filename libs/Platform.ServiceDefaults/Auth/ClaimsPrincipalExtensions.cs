using System.Security.Claims;

namespace Platform.ServiceDefaults.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The caller's tenant. It comes from the validated token only, never from the body or the query.</summary>
    public static Guid TenantId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(PlatformClaims.TenantId), out var tenantId)
            ? tenantId
            : throw new InvalidOperationException("The authenticated user has no tenant claim; the endpoint must require authorization.");

    /// <summary>A client viewer sees only the projects named in their account; the call center's own people see all.</summary>
    public static bool MaySeeProject(this ClaimsPrincipal user, Guid projectId) =>
        !user.IsInRole(Roles.ClientViewer) || user.HasClaim(PlatformClaims.Project, projectId.ToString());

    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(PlatformClaims.Subject), out var userId)
            ? userId
            : throw new InvalidOperationException("The authenticated user has no subject claim.");
}

using System.Security.Claims;
using Platform.ServiceDefaults.Auth;

namespace Platform.Scripts.Sessions;

/// <summary>An agent walks their own sessions; admins and supervisors may open any of the call center's (coaching, trying a script).</summary>
public static class SessionAccess
{
    public static bool SeesAll(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Supervisor);

    public static bool MayWalk(ClaimsPrincipal user, SessionRow row) => SeesAll(user) || row.AgentUserId == user.UserId();
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;

namespace Platform.Queue.Calls;

/// <summary>
/// Who acts on a call or an agent. An agent acts for themselves only (their agent record is the one linked to their
/// user); admins, supervisors and the PBX integration act for the agent they name.
/// </summary>
public static class ActingAgent
{
    public static bool ActsForSelfOnly(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Agent) && !user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.Supervisor) && !user.IsInRole(Roles.Telephony);

    /// <summary>The agent the request acts for: the caller's own agent, or <paramref name="named"/> (which must exist).</summary>
    public static async Task<(Guid? AgentId, ProblemHttpResult? Problem)> ResolveAsync(
        TenantSession session, ClaimsPrincipal user, Guid? named, CancellationToken ct, LockedCall? lockedForUser = null)
    {
        if (ActsForSelfOnly(user))
        {
            var own = await OwnAgentAsync(session, user, lockedForUser, ct);
            if (own is null)
            {
                return (null, Forbidden("Your user is not set up as an agent."));
            }
            return named is { } other && other != own
                ? (null, Forbidden("An agent acts for themselves only."))
                : (own, null);
        }
        if (named is null)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Say which agent.",
                detail: "agentId is required when the caller is not an agent.", extensions: new Dictionary<string, object?>
                {
                    ["errors"] = new Dictionary<string, string[]> { ["agentId"] = ["Required."] },
                }));
        }
        const string sql = "SELECT EXISTS (SELECT 1 FROM agents WHERE tenant_id = @TenantId AND id = @named)";
        return await session.QuerySingleOrDefaultAsync<bool>(sql, new { session.TenantId, named }, ct)
            ? (named, null)
            : (null, Platform.ServiceDefaults.Http.Problems.NotFound("Agent", named.Value));
    }

    /// <summary>May this user act on a call held by <paramref name="holder"/>? Agents only on their own calls.</summary>
    public static async Task<ProblemHttpResult?> CheckHolderAsync(
        TenantSession session, ClaimsPrincipal user, Guid holder, CancellationToken ct, LockedCall? lockedForUser = null)
    {
        if (!ActsForSelfOnly(user))
        {
            return null;
        }
        return await OwnAgentAsync(session, user, lockedForUser, ct) == holder ? null : Forbidden("This call is another agent's.");
    }

    /// <summary>The user's own agent: as read with the call when it was locked for them, else by a query.</summary>
    private static async Task<Guid?> OwnAgentAsync(TenantSession session, ClaimsPrincipal user, LockedCall? lockedForUser, CancellationToken ct) =>
        lockedForUser is { ActingAgentKnown: true } call ? call.ActingAgentId : await OwnAgentAsync(session, user, ct);

    public static Task<Guid?> OwnAgentAsync(TenantSession session, ClaimsPrincipal user, CancellationToken ct) =>
        session.QuerySingleOrDefaultAsync<Guid?>("SELECT id FROM agents WHERE tenant_id = @TenantId AND user_id = @userId",
            new { session.TenantId, userId = user.UserId() }, ct);

    private static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed.", detail: detail);
}

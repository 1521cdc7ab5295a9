using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Scripts.Sessions;

/// <summary>
/// Script sessions: started by hand for outbound work (a session opens by itself on an answered call), read with the
/// current step rendered, listed (an agent sees their own; by call, to find the one a call opened).
/// </summary>
public static class SessionsApi
{
    public static RouteGroupBuilder MapSessionsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/scripts").WithTags("Sessions").RequireAuthorization(Policies.Staff);
        group.MapPost("/projects/{projectId:guid}/sessions", StartSession).WithName("StartSession").WithSummary("Opens a script session for a call or contact at the script's first step");
        group.MapGet("/sessions", ListSessions).WithName("ListSessions").WithSummary("Script sessions, filtered by call, project or status");
        group.MapGet("/sessions/{sessionId:guid}", GetSession).WithName("GetSession").WithSummary("A script session: its current step, the answers so far and the path taken");
        return group;
    }

    /// <summary>For outbound work: the contact called, and the queue's call when there is one.</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)] // a field it does not know is a mistake, not noise
    public sealed record StartRequest(Guid? ContactId, Guid? CallId);

    private sealed record AgentOfUser(Guid Id, string Name);

    private static async Task<Results<Created<SessionView>, ProblemHttpResult>> StartSession(
        Guid projectId, StartRequest request, ClaimsPrincipal user, NpgsqlDataSource db, CompiledScripts scripts, TimeProvider clock,
        CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var userId = user.UserId();
        var agent = await session.QuerySingleOrDefaultAsync<AgentOfUser>(
            "SELECT id, name FROM agents WHERE tenant_id = @TenantId AND user_id = @userId ORDER BY changed_at DESC LIMIT 1", new { session.TenantId, userId }, ct);
        var parties = new SessionParties(request.CallId, agent?.Id, request.ContactId, userId, agent?.Name ?? user.Identity?.Name);
        var id = await SessionOpening.OpenAsync(session, projectId, parties, scripts, clock.GetUtcNowAsStored(), ct);
        if (id is null)
        {
            return await Scripts.ScriptRow.ProjectExistsAsync(session, projectId, ct)
                ? Scripts.ScriptProblems.Conflict("projectId", "The project has no published script yet.", "No script to walk.")
                : Problems.NotFound("Project", projectId);
        }
        var row = (await SessionRow.FindAsync(session, id.Value, ct))!;
        var script = await scripts.GetAsync(session, row.ScriptId, row.Version, ct);
        await session.CommitAsync(ct);
        return TypedResults.Created($"/api/scripts/sessions/{id}", SessionView.From(row, script, row.Walk));
    }

    private static async Task<Results<Ok<SessionView>, ProblemHttpResult>> GetSession(
        Guid sessionId, ClaimsPrincipal user, NpgsqlDataSource db, CompiledScripts scripts, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var row = await SessionRow.FindAsync(session, sessionId, ct);
        if (row is null || !SessionAccess.MayWalk(user, row))
        {
            return Problems.NotFound("Session", sessionId);
        }
        var script = await scripts.GetAsync(session, row.ScriptId, row.Version, ct);
        return TypedResults.Ok(SessionView.From(row, script, row.Walk));
    }

    /// <summary>The newest sessions first (at most 100); an agent sees their own only, a limited user those of their projects only.</summary>
    private static async Task<Ok<SessionSummary[]>> ListSessions(
        Guid? callId, Guid? projectId, string? status, ClaimsPrincipal user, NpgsqlDataSource db, HttpContext http, CancellationToken ct)
    {
        const string sql = """
            SELECT id, project_id, script_id, version, call_id, contact_id, agent_user_id, status, started_at, completed_at
            FROM script_sessions
            WHERE tenant_id = @TenantId
              AND (@callId::uuid IS NULL OR call_id = @callId)
              AND (@projectId::uuid IS NULL OR project_id = @projectId)
              AND (@status::text IS NULL OR status = @status)
              AND (@userId::uuid IS NULL OR agent_user_id = @userId)
              AND (@allowed::uuid[] IS NULL OR project_id = ANY(@allowed))
            ORDER BY started_at DESC, id DESC LIMIT 100
            """;
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        Guid? userId = SessionAccess.SeesAll(user) ? null : user.UserId();
        var sessions = await session.QueryAsync<SessionSummary>(sql, new { session.TenantId, callId, projectId, status, userId, allowed = Scoping.ProjectScope.Of(http) }, ct);
        return TypedResults.Ok(sessions.ToArray());
    }
}

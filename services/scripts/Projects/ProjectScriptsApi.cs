using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Scripts.Scripts;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Scripts.Projects;

/// <summary>A project's scripts: list them, write a new one, import one as JSON, and read the active one (what agents walk).</summary>
public static class ProjectScriptsApi
{
    public static RouteGroupBuilder MapProjectScriptsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/scripts/projects").WithTags("Scripts").RequireAuthorization(Policies.Staff);
        group.MapGet("/{projectId:guid}/scripts", ListProjectScripts).WithName("ListProjectScripts").WithSummary("The scripts of a project with their latest and published versions");
        group.MapPost("/{projectId:guid}/scripts", CreateScript).WithName("CreateScript").WithSummary("Creates a draft script for a project from its steps (questions, answers, objection handlers, branches)").Accepts<JsonElement>("application/json")
            .RequireAuthorization(Policies.Supervision);
        group.MapPost("/{projectId:guid}/scripts/import", ImportScript).WithName("ImportScript").WithSummary("Imports a script exported from another project or tenant as a new draft").Accepts<JsonElement>("application/json")
            .RequireAuthorization(Policies.Supervision);
        group.MapGet("/{projectId:guid}/active-script", GetActiveScript).WithName("GetActiveScript").WithSummary("The project's published script, the one a call opens");
        return group;
    }

    public sealed record ScriptSummary(Guid Id, string Name, string Mode, int LatestVersion, bool Active, DateTime CreatedAt);

    public sealed record ActiveScript(Guid ScriptId, int Version, Guid ProjectId, JsonElement Document, DateTime PublishedAt);

    private static async Task<Results<Ok<ScriptSummary[]>, ProblemHttpResult>> ListProjectScripts(
        Guid projectId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        const string scriptsSql = """
            SELECT s.id, s.name, s.mode, s.latest_version, (p.active_script_id IS NOT DISTINCT FROM s.id) AS active, s.created_at
            FROM scripts s JOIN projects p ON p.tenant_id = s.tenant_id AND p.id = s.project_id
            WHERE s.tenant_id = @TenantId AND s.project_id = @projectId ORDER BY s.name, s.id
            """;
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        if (!await ScriptRow.ProjectExistsAsync(session, projectId, ct))
        {
            return Problems.NotFound("Project", projectId);
        }
        var scripts = await session.QueryAsync<ScriptSummary>(scriptsSql, new { session.TenantId, projectId }, ct);
        return TypedResults.Ok(scripts.ToArray());
    }

    /// <summary>A new script, its body the draft: saved with errors of the graph still in it (they are listed), refused with errors of shape.</summary>
    private static Task<Results<Created<ScriptResponse>, ProblemHttpResult>> CreateScript(
        Guid projectId, HttpRequest request, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct) =>
        CreateAsync(projectId, request, draft: true, user, db, clock, ct);

    /// <summary>A script exported elsewhere (<c>GET scripts/{id}/export</c>): it must be complete and valid to come in.</summary>
    private static Task<Results<Created<ScriptResponse>, ProblemHttpResult>> ImportScript(
        Guid projectId, HttpRequest request, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct) =>
        CreateAsync(projectId, request, draft: false, user, db, clock, ct);

    private static async Task<Results<Created<ScriptResponse>, ProblemHttpResult>> CreateAsync(
        Guid projectId, HttpRequest request, bool draft, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var (json, unreadable) = await ScriptRequest.ReadAsync(request, ct);
        if (unreadable is not null)
        {
            return unreadable;
        }
        var body = ScriptBody.Read(json);
        if (draft ? !body.MayBeSaved : !body.MayBePublished)
        {
            return ScriptProblems.Invalid(draft ? body.Errors.Where(e => e.BlocksDraft) : body.Errors,
                draft ? "The script cannot be saved." : "The script cannot be imported.");
        }
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        if (!await ScriptRow.ProjectExistsAsync(session, projectId, ct))
        {
            return Problems.NotFound("Project", projectId);
        }
        var id = await ScriptRow.InsertAsync(session, projectId, body.Script!, clock.GetUtcNowAsStored(), ct);
        var row = await ScriptRow.FindAsync(session, id, ct);
        await session.CommitAsync(ct);
        return TypedResults.Created($"/api/scripts/scripts/{id}", ScriptResponse.From(row!, null));
    }

    private static async Task<Results<Ok<ActiveScript>, ProblemHttpResult>> GetActiveScript(
        Guid projectId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        const string sql = """
            SELECT v.script_id, v.version, p.id AS project_id, v.document, v.published_at
            FROM projects p JOIN script_versions v ON v.tenant_id = p.tenant_id AND v.script_id = p.active_script_id AND v.version = p.active_version
            WHERE p.tenant_id = @TenantId AND p.id = @projectId
            """;
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var active = await session.QuerySingleOrDefaultAsync<ActiveScript>(sql, new { session.TenantId, projectId }, ct);
        if (active is null)
        {
            return await ScriptRow.ProjectExistsAsync(session, projectId, ct)
                ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No active script.", detail: "The project has no published script yet.")
                : Problems.NotFound("Project", projectId);
        }
        return TypedResults.Ok(active);
    }
}

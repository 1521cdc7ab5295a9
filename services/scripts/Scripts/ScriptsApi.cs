using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Scripts.Authoring.Model;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Scripts.Scripts;

/// <summary>One script: read it, rewrite its draft, copy it to another project, export it as JSON.</summary>
public static class ScriptsApi
{
    public static RouteGroupBuilder MapScriptsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/scripts/scripts").WithTags("Scripts").RequireAuthorization(Policies.Staff);
        group.MapGet("/{scriptId:guid}", GetScript).WithName("GetScript").WithSummary("A script's current draft with its steps");
        group.MapPut("/{scriptId:guid}", UpdateScript).WithName("UpdateScript").WithSummary("Replaces a script's draft (published versions never change)").Accepts<JsonElement>("application/json")
            .RequireAuthorization(Policies.Supervision);
        group.MapPost("/{scriptId:guid}/copy-to/{projectId:guid}", CopyScript).WithName("CopyScript").WithSummary("Copies a script into another project as a new draft").RequireAuthorization(Policies.Supervision);
        group.MapGet("/{scriptId:guid}/export", ExportScript).WithName("ExportScript").WithSummary("A script as a JSON file, to import elsewhere");
        return group;
    }

    /// <summary>The script with its draft; the draft's revision is the ETag an edit may send back in If-Match.</summary>
    private static async Task<Results<Ok<ScriptResponse>, ProblemHttpResult>> GetScript(
        Guid scriptId, HttpContext http, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var row = await ScriptRow.FindAsync(session, scriptId, ct);
        if (row is null)
        {
            return Problems.NotFound("Script", scriptId);
        }
        http.Response.Headers.ETag = row.ETag;
        return TypedResults.Ok(ScriptResponse.From(row, await ActiveVersionAsync(session, row, ct)));
    }

    /// <summary>
    /// Rewrites the draft; published versions stay as they were. With If-Match, only the revision it names is rewritten
    /// (412 otherwise: another author saved meanwhile).
    /// </summary>
    private static async Task<Results<Ok<ScriptResponse>, ProblemHttpResult>> UpdateScript(
        Guid scriptId, HttpRequest request, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var (body, unreadable) = await ScriptRequest.ReadAsync(request, ct);
        if (unreadable is not null)
        {
            return unreadable;
        }
        var script = ScriptBody.Read(body);
        if (!script.MayBeSaved)
        {
            return ScriptProblems.Invalid(script.Errors.Where(e => e.BlocksDraft), "The script cannot be saved.");
        }
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var current = await ScriptRow.FindAsync(session, scriptId, ct, forUpdate: true);
        if (current is null)
        {
            return Problems.NotFound("Script", scriptId);
        }
        if (!current.Allows(request.Headers.IfMatch))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "The draft changed meanwhile.",
                detail: $"The draft is at revision {current.DraftRevision} ({current.ETag}), not the one in If-Match; read it again and redo the edit.");
        }
        const string sql = """
            UPDATE scripts SET name = @Name, mode = @Mode, draft = CAST(@draft AS jsonb), updated_at = @now, draft_revision = draft_revision + 1
            WHERE tenant_id = @TenantId AND id = @scriptId
            """;
        var document = script.Script!;
        await session.ExecuteAsync(sql, new
        {
            session.TenantId, scriptId, document.Name, document.Mode, draft = ScriptJson.Write(document), now = clock.GetUtcNowAsStored(),
        }, ct);
        var row = (await ScriptRow.FindAsync(session, scriptId, ct))!;
        var active = await ActiveVersionAsync(session, row, ct);
        await session.CommitAsync(ct);
        request.HttpContext.Response.Headers.ETag = row.ETag;
        return TypedResults.Ok(ScriptResponse.From(row, active));
    }

    /// <summary>A new script in another project of the call center, its draft a copy of this one's.</summary>
    private static async Task<Results<Created<ScriptResponse>, ProblemHttpResult>> CopyScript(
        Guid scriptId, Guid projectId, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var source = await ScriptRow.FindAsync(session, scriptId, ct);
        if (source is null)
        {
            return Problems.NotFound("Script", scriptId);
        }
        if (!await ScriptRow.ProjectExistsAsync(session, projectId, ct))
        {
            return Problems.NotFound("Project", projectId);
        }
        var id = await ScriptRow.InsertAsync(session, projectId, source.Document, clock.GetUtcNowAsStored(), ct);
        var row = (await ScriptRow.FindAsync(session, id, ct))!;
        await session.CommitAsync(ct);
        return TypedResults.Created($"/api/scripts/scripts/{id}", ScriptResponse.From(row, null));
    }

    /// <summary>The script as a JSON document for <c>POST projects/{id}/scripts/import</c>: a published version, or the draft.</summary>
    private static async Task<Results<JsonHttpResult<JsonElement>, ProblemHttpResult>> ExportScript(
        Guid scriptId, int? version, HttpContext http, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var row = await ScriptRow.FindAsync(session, scriptId, ct);
        if (row is null)
        {
            return Problems.NotFound("Script", scriptId);
        }
        var document = row.Draft;
        if (version is not null)
        {
            document = await session.QuerySingleOrDefaultAsync<string>(
                "SELECT document::text FROM script_versions WHERE tenant_id = @TenantId AND script_id = @scriptId AND version = @version",
                new { session.TenantId, scriptId, version }, ct) ?? "";
            if (document.Length == 0)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Version not found.", detail: $"The script has no version {version}.");
            }
        }
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"script-{scriptId}{(version is null ? "-draft" : $"-v{version}")}.json\"";
        return TypedResults.Json(JsonDocument.Parse(document).RootElement.Clone());
    }

    internal static Task<int?> ActiveVersionAsync(TenantSession session, ScriptRow row, CancellationToken ct) =>
        session.QuerySingleOrDefaultAsync<int?>(
            "SELECT active_version FROM projects WHERE tenant_id = @TenantId AND id = @ProjectId AND active_script_id = @Id",
            new { session.TenantId, row.ProjectId, row.Id }, ct);
}

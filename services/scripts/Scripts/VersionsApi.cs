using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Scripts.Scripts;

/// <summary>The versions of a script published so far, newest first, and each one's document (never changed once published).</summary>
public static class VersionsApi
{
    public static RouteGroupBuilder MapVersionsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/scripts/scripts").WithTags("Scripts").RequireAuthorization(Policies.Staff);
        group.MapGet("/{scriptId:guid}/versions", ListScriptVersions).WithName("ListScriptVersions").WithSummary("The versions of a script, newest first");
        group.MapGet("/{scriptId:guid}/versions/{version:int}", GetScriptVersion).WithName("GetScriptVersion").WithSummary("One version of a script as it was published");
        return group;
    }

    public sealed record VersionSummary(int Version, DateTime PublishedAt, Guid PublishedBy, bool Active);

    public sealed record VersionResponse(Guid ScriptId, int Version, DateTime PublishedAt, Guid PublishedBy, bool Active, JsonElement Document);

    private static async Task<Results<Ok<VersionSummary[]>, ProblemHttpResult>> ListScriptVersions(
        Guid scriptId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        if (await ScriptRow.FindAsync(session, scriptId, ct) is null)
        {
            return Problems.NotFound("Script", scriptId);
        }
        const string sql = """
            SELECT v.version, v.published_at, v.published_by, (p.id IS NOT NULL) AS active
            FROM script_versions v
            LEFT JOIN projects p ON p.tenant_id = v.tenant_id AND p.active_script_id = v.script_id AND p.active_version = v.version
            WHERE v.tenant_id = @TenantId AND v.script_id = @scriptId ORDER BY v.version DESC
            """;
        return TypedResults.Ok((await session.QueryAsync<VersionSummary>(sql, new { session.TenantId, scriptId }, ct)).ToArray());
    }

    private static async Task<Results<Ok<VersionResponse>, ProblemHttpResult>> GetScriptVersion(
        Guid scriptId, int version, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        const string sql = """
            SELECT v.script_id, v.version, v.published_at, v.published_by, (p.id IS NOT NULL) AS active, v.document
            FROM script_versions v
            LEFT JOIN projects p ON p.tenant_id = v.tenant_id AND p.active_script_id = v.script_id AND p.active_version = v.version
            WHERE v.tenant_id = @TenantId AND v.script_id = @scriptId AND v.version = @version
            """;
        var found = await session.QuerySingleOrDefaultAsync<VersionResponse>(sql, new { session.TenantId, scriptId, version }, ct);
        if (found is not null)
        {
            return TypedResults.Ok(found);
        }
        return await ScriptRow.FindAsync(session, scriptId, ct) is null
            ? Problems.NotFound("Script", scriptId)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Version not found.", detail: $"The script has no version {version}.");
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Scripts.Authoring.Model;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Scripts.Scripts;

/// <summary>
/// From draft to published: validation (every error at once), and publishing an immutable numbered version that
/// becomes the project's active one.
/// </summary>
public static class PublishingApi
{
    public static RouteGroupBuilder MapPublishingApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/scripts/scripts").WithTags("Scripts").RequireAuthorization(Policies.Staff);
        group.MapPost("/{scriptId:guid}/validate", ValidateScript).WithName("ValidateScript").WithSummary("Checks a draft script: unreachable steps, dead ends and missing targets, reported on their steps").RequireAuthorization(Policies.Supervision);
        group.MapPost("/{scriptId:guid}/publish", PublishScript).WithName("PublishScript").WithSummary("Publishes a valid draft as the project's active script (a new version); refused with the validation errors otherwise").RequireAuthorization(Policies.Supervision);
        return group;
    }

    public sealed record Validated(Guid ScriptId, bool Valid, int Steps);

    public sealed record Published(Guid ScriptId, Guid ProjectId, int Version, bool Active, bool New, DateTime PublishedAt);

    private sealed record VersionStamp(int Version, DateTime PublishedAt);

    private static async Task<Results<Ok<Validated>, ProblemHttpResult>> ValidateScript(
        Guid scriptId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var row = await ScriptRow.FindAsync(session, scriptId, ct);
        if (row is null)
        {
            return Problems.NotFound("Script", scriptId);
        }
        var errors = Authoring.Validation.ScriptValidator.Validate(row.Document);
        return errors.Count > 0
            ? ScriptProblems.Invalid(errors, "The script is not valid.")
            : TypedResults.Ok(new Validated(scriptId, true, row.Document.Steps.Count));
    }

    /// <summary>
    /// Publishes the draft as the next version and makes it the project's active one; a session already open keeps the
    /// version it started with. Publishing a draft identical to the latest version re-activates that version. With
    /// If-Match, only the draft revision the author reviewed is published.
    /// </summary>
    private static async Task<Results<Ok<Published>, ProblemHttpResult>> PublishScript(
        Guid scriptId, HttpRequest request, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var row = await ScriptRow.FindAsync(session, scriptId, ct, forUpdate: true);
        if (row is null)
        {
            return Problems.NotFound("Script", scriptId);
        }
        if (!row.Allows(request.Headers.IfMatch))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "The draft changed meanwhile.",
                detail: $"The draft is at revision {row.DraftRevision} ({row.ETag}), not the one in If-Match: review it again before publishing.");
        }
        var document = row.Document;
        var errors = Authoring.Validation.ScriptValidator.Validate(document);
        if (errors.Count > 0)
        {
            return ScriptProblems.Invalid(errors, "The script cannot be published.");
        }
        var parameters = new { session.TenantId, scriptId, row.ProjectId, draft = ScriptJson.Write(document), now = clock.GetUtcNowAsStored(), by = user.UserId() };
        const string sameSql = """
            SELECT version, published_at FROM script_versions
            WHERE tenant_id = @TenantId AND script_id = @scriptId AND version = (SELECT latest_version FROM scripts WHERE tenant_id = @TenantId AND id = @scriptId)
              AND document = CAST(@draft AS jsonb)
            """;
        var same = await session.QuerySingleOrDefaultAsync<VersionStamp>(sameSql, parameters, ct);
        int version;
        DateTime publishedAt;
        if (same is not null)
        {
            (version, publishedAt) = (same.Version, same.PublishedAt);
        }
        else
        {
            const string insertSql = """
                UPDATE scripts SET latest_version = latest_version + 1 WHERE tenant_id = @TenantId AND id = @scriptId;
                INSERT INTO script_versions (tenant_id, script_id, version, document, published_at, published_by)
                SELECT @TenantId, @scriptId, latest_version, CAST(@draft AS jsonb), @now, @by FROM scripts WHERE tenant_id = @TenantId AND id = @scriptId
                RETURNING version, published_at;
                """;
            var stamp = (await session.QuerySingleOrDefaultAsync<VersionStamp>(insertSql, parameters, ct))!;
            (version, publishedAt) = (stamp.Version, stamp.PublishedAt);
        }
        await session.ExecuteAsync(
            "UPDATE projects SET active_script_id = @scriptId, active_version = @version WHERE tenant_id = @TenantId AND id = @ProjectId",
            new { session.TenantId, scriptId, version, row.ProjectId }, ct);
        await session.CommitAsync(ct);
        return TypedResults.Ok(new Published(scriptId, row.ProjectId, version, true, same is null, publishedAt));
    }
}

using Npgsql;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Scripts.Scoping;

/// <summary>
/// Enforces <see cref="ProjectScope"/> in the service, after authorization and before any handler (a middleware, so every
/// operation passes it): for a limited user every id in the route (project, script, session) must belong to one of their
/// projects, or the answer is the same 404 as for an id that does not exist; the session list reads the scope to leave
/// other projects out.
/// </summary>
internal static class ProjectScopeMiddleware
{
    private sealed record Target(string Route, string What, string Sql);

    private static readonly Target[] Targets =
    [
        new("projectId", "Project", "SELECT @id WHERE @id = ANY(@Allowed)"),
        new("scriptId", "Script", "SELECT project_id FROM scripts WHERE tenant_id = @TenantId AND id = @id AND project_id = ANY(@Allowed)"),
        new("sessionId", "Session", "SELECT project_id FROM script_sessions WHERE tenant_id = @TenantId AND id = @id AND project_id = ANY(@Allowed)"),
    ];

    public static WebApplication UseProjectScope(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            if (http.GetEndpoint() is null || http.User.Identity?.IsAuthenticated != true || !ProjectScope.MayBeLimited(http.User)
                || await RefusedAsync(http, http.RequestServices.GetRequiredService<NpgsqlDataSource>()) is not { } refused)
            {
                await next(http);
                return;
            }
            await refused.ExecuteAsync(http);
        });
        return app;
    }

    private static async Task<IResult?> RefusedAsync(HttpContext http, NpgsqlDataSource db)
    {
        var ct = http.RequestAborted;
        await using var session = await db.BeginTenantSessionAsync(http.User.TenantId(), ct);
        if (await ProjectScope.ProjectsOfAsync(session, http.User, ct) is not { } allowed)
        {
            return null; // every project
        }
        foreach (var target in Targets)
        {
            if (http.Request.RouteValues.TryGetValue(target.Route, out var value) && Guid.TryParse(value?.ToString(), out var id)
                && await session.QuerySingleOrDefaultAsync<Guid?>(target.Sql, new { session.TenantId, id, Allowed = allowed.ToArray() }, ct) is null)
            {
                return Problems.NotFound(target.What, id);
            }
        }
        ProjectScope.Set(http, allowed);
        return null;
    }
}

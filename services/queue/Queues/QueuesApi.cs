using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Queue.Queues;

public static class QueuesApi
{
    public static RouteGroupBuilder MapQueuesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/queue").WithTags("Queues").RequireAuthorization(Policies.Staff);
        group.MapGet("/projects/{projectId:guid}/queues", ListProjectQueues).WithName("ListProjectQueues");
        return group;
    }

    public sealed record QueueResponse(
        Guid Id, Guid ProjectId, string Name, bool IsDefault, string Strategy,
        int ServiceLevelPercent, int ServiceLevelSeconds, int WrapUpSeconds, DateTime CreatedAt);

    private static async Task<Results<Ok<QueueResponse[]>, ProblemHttpResult>> ListProjectQueues(
        Guid projectId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        const string projectSql = "SELECT EXISTS (SELECT 1 FROM projects WHERE tenant_id = @TenantId AND id = @projectId)";
        const string queuesSql = """
            SELECT id, project_id, name, is_default, strategy, service_level_percent, service_level_seconds,
                   wrap_up_seconds, created_at
            FROM queues WHERE tenant_id = @TenantId AND project_id = @projectId
            ORDER BY is_default DESC, name
            """;
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var parameters = new { TenantId = session.TenantId, projectId };
        if (!await session.QuerySingleOrDefaultAsync<bool>(projectSql, parameters, ct))
        {
            return Problems.NotFound("Project", projectId);
        }
        var queues = await session.QueryAsync<QueueResponse>(queuesSql, parameters, ct);
        return TypedResults.Ok(queues.ToArray());
    }
}

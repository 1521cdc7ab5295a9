using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;

namespace Platform.Queue.Agents;

/// <summary>Teams of agents, each led by a supervisor (a user of the tenant).</summary>
public static class GroupsApi
{
    public static RouteGroupBuilder MapGroupsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/queue/groups").WithTags("Agents").RequireAuthorization(Policies.Staff);
        group.MapPost("/", CreateGroup).WithName("CreateGroup").WithSummary("Creates an agent group (a team that reports and staffing count together)").RequireAuthorization(Policies.Supervision);
        group.MapGet("/", ListGroups).WithName("ListGroups").WithSummary("The tenant's agent groups");
        return group;
    }

    public sealed record GroupRequest(string? Name, Guid? SupervisorId);

    public sealed record GroupResponse(Guid Id, string Name, Guid? SupervisorId, DateTime CreatedAt);

    private static async Task<Results<Created<GroupResponse>, ProblemHttpResult, ValidationProblem>> CreateGroup(
        GroupRequest request, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var name = request.Name?.Trim();
        if (name is null || name.Length is 0 or > 120 || name.Any(char.IsControl))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["1 to 120 printable characters."] },
                title: "The group cannot be created.");
        }
        var created = new GroupResponse(Guid.CreateVersion7(), name, request.SupervisorId, clock.GetUtcNowAsStored().UtcDateTime);
        const string sql = """
            INSERT INTO agent_groups (tenant_id, id, name, supervisor_id, created_at)
            VALUES (@TenantId, @Id, @Name, @SupervisorId, @CreatedAt) ON CONFLICT DO NOTHING
            """;
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        if (await session.ExecuteAsync(sql, new { session.TenantId, created.Id, created.Name, created.SupervisorId, created.CreatedAt }, ct) == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The group exists.", detail: $"There is a group called {name} already.");
        }
        await session.CommitAsync(ct);
        return TypedResults.Created($"/api/queue/groups/{created.Id}", created);
    }

    private static async Task<Ok<GroupResponse[]>> ListGroups(ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var groups = await session.QueryAsync<GroupResponse>(
            "SELECT id, name, supervisor_id, created_at FROM agent_groups WHERE tenant_id = @TenantId ORDER BY name", new { session.TenantId }, ct);
        return TypedResults.Ok(groups.ToArray());
    }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Contracts.Queue;
using Platform.Queue.Queues;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.Queue.Agents;

/// <summary>The agents of a tenant: who they are (linked to a user), their group, skills with proficiency, and the projects they work.</summary>
public static class AgentsApi
{
    public static RouteGroupBuilder MapAgentsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/queue/agents").WithTags("Agents").RequireAuthorization(Policies.Staff);
        group.MapPost("/", CreateAgent).WithName("CreateAgent").WithSummary("Creates an agent: name, user, group, skills and projects").RequireAuthorization(Policies.Supervision);
        group.MapGet("/", ListAgents).WithName("ListAgents").WithSummary("The tenant's agents with their state");
        group.MapGet("/{agentId:guid}", GetAgent).WithName("GetAgent").WithSummary("An agent: details, skills, projects and current state");
        group.MapPut("/{agentId:guid}", UpdateAgent).WithName("UpdateAgent").WithSummary("Updates an agent's name, user and group").RequireAuthorization(Policies.Supervision);
        group.MapPut("/{agentId:guid}/skills", ReplaceAgentSkills).WithName("ReplaceAgentSkills").WithSummary("Replaces an agent's skills and their levels").RequireAuthorization(Policies.Supervision);
        group.MapPut("/{agentId:guid}/projects", ReplaceAgentProjects).WithName("ReplaceAgentProjects").WithSummary("Replaces the projects an agent works on (an agent sees and calls only these)").RequireAuthorization(Policies.Supervision);
        return group;
    }

    public sealed record AgentSkill(string Skill, int Proficiency);

    public sealed record AgentRequest(string? Name, Guid? UserId, Guid? GroupId, AgentSkill[]? Skills, Guid[]? ProjectIds);

    public sealed record AgentResponse(
        Guid Id, string Name, Guid? UserId, Guid? GroupId, string State, string? PauseCode, DateTime StateSince,
        AgentSkill[] Skills, Guid[] ProjectIds, int CallsHandledToday, long TalkSecondsToday);

    private const int MaxSkills = 50;
    private const int MaxProjects = 200;

    private static Dictionary<string, string[]> Check(AgentRequest request, bool nameRequired)
    {
        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim();
        if ((nameRequired || name is not null) && (name is null || name.Length is 0 or > 120 || name.Any(char.IsControl)))
        {
            errors["name"] = ["1 to 120 printable characters."];
        }
        errors.Merge(CheckSkills(request.Skills));
        if (request.ProjectIds is { } projects && (projects.Length > MaxProjects || projects.Distinct().Count() != projects.Length))
        {
            errors["projectIds"] = [$"At most {MaxProjects} distinct project ids."];
        }
        return errors;
    }

    private static Dictionary<string, string[]> CheckSkills(AgentSkill[]? skills)
    {
        var errors = new Dictionary<string, string[]>();
        if (skills is not null && (skills.Length > MaxSkills
            || skills.Any(s => s is null || !SkillName.IsValid(s.Skill) || s.Proficiency is < 1 or > 10)
            || skills.Select(s => s?.Skill?.Trim().ToLowerInvariant()).Distinct().Count() != skills.Length))
        {
            errors["skills"] = [$"At most {MaxSkills} distinct skills ({SkillName.Rule}), each with a proficiency from 1 to 10."];
        }
        return errors;
    }

    private static async Task<Results<Created<AgentResponse>, ProblemHttpResult, ValidationProblem>> CreateAgent(
        AgentRequest request, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var errors = Check(request, nameRequired: true);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The agent cannot be created.");
        }
        var agentId = Guid.CreateVersion7();
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        if (await CheckReferencesAsync(session, request, agentId, ct) is { } refused)
        {
            return refused;
        }
        const string sql = """
            INSERT INTO agents (tenant_id, id, user_id, name, group_id, state, state_since, idle_since, created_at)
            VALUES (@TenantId, @agentId, @UserId, @Name, @GroupId, 'logged_out', @now, @now, @now)
            """;
        await session.ExecuteAsync(sql, new { session.TenantId, agentId, request.UserId, Name = request.Name!.Trim(), request.GroupId, now = clock.GetUtcNowAsStored() }, ct);
        await WriteSkillsAsync(session, agentId, request.Skills ?? [], ct);
        await WriteProjectsAsync(session, agentId, request.ProjectIds ?? [], ct);
        await session.PublishAsync(new AgentChanged(session.TenantId, agentId, request.UserId, request.Name.Trim(), request.GroupId, clock.GetUtcNowAsStored()), ct);
        await AgentAssignments.PublishAsync(session, [agentId], clock.GetUtcNowAsStored(), ct);
        await session.CommitAsync(ct);
        return TypedResults.Created($"/api/queue/agents/{agentId}", (await FindAsync(db, user.TenantId(), agentId, ct))!);
    }

    private static async Task<Results<Ok<AgentResponse>, ProblemHttpResult, ValidationProblem>> UpdateAgent(
        Guid agentId, AgentRequest request, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var errors = Check(request with { Skills = null, ProjectIds = null }, nameRequired: true);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The agent cannot be changed.");
        }
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        if (await CheckReferencesAsync(session, request with { Skills = null, ProjectIds = null }, agentId, ct) is { } refused)
        {
            return refused;
        }
        const string sql = "UPDATE agents SET name = @Name, user_id = @UserId, group_id = @GroupId WHERE tenant_id = @TenantId AND id = @agentId";
        if (await session.ExecuteAsync(sql, new { session.TenantId, agentId, Name = request.Name!.Trim(), request.UserId, request.GroupId }, ct) == 0)
        {
            return Problems.NotFound("Agent", agentId);
        }
        await session.PublishAsync(new AgentChanged(session.TenantId, agentId, request.UserId, request.Name.Trim(), request.GroupId, clock.GetUtcNowAsStored()), ct);
        await AgentAssignments.PublishAsync(session, [agentId], clock.GetUtcNowAsStored(), ct);
        await session.CommitAsync(ct);
        return TypedResults.Ok((await FindAsync(db, user.TenantId(), agentId, ct))!);
    }

    private static async Task<Results<Ok<AgentResponse>, ProblemHttpResult, ValidationProblem>> ReplaceAgentSkills(
        Guid agentId, AgentSkill[] skills, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        var errors = CheckSkills(skills);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The skills cannot be set.");
        }
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        if (!await ExistsAsync(session, agentId, ct))
        {
            return Problems.NotFound("Agent", agentId);
        }
        await WriteSkillsAsync(session, agentId, skills, ct);
        await session.CommitAsync(ct);
        return TypedResults.Ok((await FindAsync(db, user.TenantId(), agentId, ct))!);
    }

    private static async Task<Results<Ok<AgentResponse>, ProblemHttpResult, ValidationProblem>> ReplaceAgentProjects(
        Guid agentId, Guid[] projectIds, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var errors = Check(new AgentRequest(null, null, null, null, projectIds), nameRequired: false);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The projects cannot be set.");
        }
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        if (!await ExistsAsync(session, agentId, ct))
        {
            return Problems.NotFound("Agent", agentId);
        }
        if (await CheckReferencesAsync(session, new AgentRequest(null, null, null, null, projectIds), agentId, ct) is { } refused)
        {
            return refused;
        }
        await WriteProjectsAsync(session, agentId, projectIds, ct);
        await AgentAssignments.PublishAsync(session, [agentId], clock.GetUtcNowAsStored(), ct);
        await session.CommitAsync(ct);
        return TypedResults.Ok((await FindAsync(db, user.TenantId(), agentId, ct))!);
    }

    private static async Task<Ok<AgentResponse[]>> ListAgents(ClaimsPrincipal user, NpgsqlDataSource db, Guid? groupId, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var agents = await session.QueryAsync<AgentRow>($"{SelectSql} WHERE a.tenant_id = @TenantId AND (@groupId::uuid IS NULL OR a.group_id = @groupId) ORDER BY a.name, a.id",
            new { session.TenantId, groupId }, ct);
        return TypedResults.Ok(agents.Select(a => a.ToResponse()).ToArray());
    }

    private static async Task<Results<Ok<AgentResponse>, ProblemHttpResult>> GetAgent(Guid agentId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        var agent = await FindAsync(db, user.TenantId(), agentId, ct);
        return agent is null ? Problems.NotFound("Agent", agentId) : TypedResults.Ok(agent);
    }

    private sealed class AgentRow
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public Guid? UserId { get; init; }
        public Guid? GroupId { get; init; }
        public string State { get; init; } = "";
        public string? PauseCode { get; init; }
        public DateTime StateSince { get; init; }
        public string Skills { get; init; } = "[]";
        public Guid[] ProjectIds { get; init; } = [];
        public int CallsHandledToday { get; init; }
        public long TalkSecondsToday { get; init; }

        public AgentResponse ToResponse() => new(Id, Name, UserId, GroupId, State, PauseCode, StateSince,
            System.Text.Json.JsonSerializer.Deserialize<AgentSkill[]>(Skills, System.Text.Json.JsonSerializerOptions.Web) ?? [],
            ProjectIds, CallsHandledToday, TalkSecondsToday);
    }

    private const string SelectSql = """
        SELECT a.id, a.name, a.user_id, a.group_id, a.state, a.pause_code, a.state_since,
               COALESCE((SELECT jsonb_agg(jsonb_build_object('skill', s.skill, 'proficiency', s.proficiency) ORDER BY s.skill)
                         FROM agent_skills s WHERE s.tenant_id = a.tenant_id AND s.agent_id = a.id), '[]')::text AS skills,
               ARRAY(SELECT p.project_id FROM agent_projects p WHERE p.tenant_id = a.tenant_id AND p.agent_id = a.id ORDER BY p.project_id) AS project_ids,
               CASE WHEN a.day = CAST(now() AS date) THEN a.calls_handled_today ELSE 0 END AS calls_handled_today,
               CASE WHEN a.day = CAST(now() AS date) THEN a.talk_seconds_today ELSE 0 END AS talk_seconds_today
        FROM agents a
        """;

    public static async Task<AgentResponse?> FindAsync(NpgsqlDataSource db, Guid tenantId, Guid agentId, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(tenantId, ct);
        var row = await session.QuerySingleOrDefaultAsync<AgentRow>($"{SelectSql} WHERE a.tenant_id = @tenantId AND a.id = @agentId", new { tenantId, agentId }, ct);
        return row?.ToResponse();
    }

    private static Task<bool> ExistsAsync(TenantSession session, Guid agentId, CancellationToken ct) =>
        session.QuerySingleOrDefaultAsync<bool>("SELECT EXISTS (SELECT 1 FROM agents WHERE tenant_id = @TenantId AND id = @agentId)",
            new { session.TenantId, agentId }, ct);

    /// <summary>The group, the projects (known from the CRM's events) and the user (one agent per user) must fit.</summary>
    private static async Task<ProblemHttpResult?> CheckReferencesAsync(TenantSession session, AgentRequest request, Guid agentId, CancellationToken ct)
    {
        if (request.GroupId is { } groupId && !await session.QuerySingleOrDefaultAsync<bool>(
                "SELECT EXISTS (SELECT 1 FROM agent_groups WHERE tenant_id = @TenantId AND id = @groupId)", new { session.TenantId, groupId }, ct))
        {
            return Problems.NotFound("Group", groupId);
        }
        if (request.ProjectIds is { Length: > 0 } projectIds)
        {
            var known = await session.QueryAsync<Guid>("SELECT id FROM projects WHERE tenant_id = @TenantId AND id = ANY(@projectIds)",
                new { session.TenantId, projectIds }, ct);
            var unknown = projectIds.Except(known).ToList();
            if (unknown.Count > 0)
            {
                return Problems.NotFound("Project", unknown[0]);
            }
        }
        if (request.UserId is { } userId && await session.QuerySingleOrDefaultAsync<bool>(
                "SELECT EXISTS (SELECT 1 FROM agents WHERE tenant_id = @TenantId AND user_id = @userId AND id <> @agentId)",
                new { session.TenantId, userId, agentId }, ct))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The user is already an agent.",
                detail: "Each user signs in as one agent; this user is linked to another agent already.");
        }
        return null;
    }

    private static async Task WriteSkillsAsync(TenantSession session, Guid agentId, AgentSkill[] skills, CancellationToken ct)
    {
        const string sql = """
            DELETE FROM agent_skills WHERE tenant_id = @TenantId AND agent_id = @agentId;
            INSERT INTO agent_skills (tenant_id, agent_id, skill, proficiency)
            SELECT @TenantId, @agentId, skill, proficiency FROM unnest(@Skills, @Proficiencies) AS s(skill, proficiency);
            """;
        await session.ExecuteAsync(sql, new
        {
            session.TenantId, agentId, Skills = skills.Select(s => s.Skill.Trim().ToLowerInvariant()).ToArray(),
            Proficiencies = skills.Select(s => s.Proficiency).ToArray(),
        }, ct);
    }

    private static async Task WriteProjectsAsync(TenantSession session, Guid agentId, Guid[] projectIds, CancellationToken ct)
    {
        const string sql = """
            DELETE FROM agent_projects WHERE tenant_id = @TenantId AND agent_id = @agentId;
            INSERT INTO agent_projects (tenant_id, agent_id, project_id) SELECT @TenantId, @agentId, unnest(@projectIds);
            """;
        await session.ExecuteAsync(sql, new { session.TenantId, agentId, projectIds }, ct);
    }
}

internal static class ErrorsExtensions
{
    public static void Merge(this Dictionary<string, string[]> errors, Dictionary<string, string[]> more)
    {
        foreach (var (key, value) in more)
        {
            errors[key] = value;
        }
    }
}

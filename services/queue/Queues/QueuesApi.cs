using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Contracts.Queue;
using Platform.Queue.Agents;
using Platform.Queue.Routing;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.Queue.Queues;

/// <summary>A project's queues: their routing configuration (admins) and their live view (waiting calls in order, agents by state).</summary>
public static class QueuesApi
{
    public static RouteGroupBuilder MapQueuesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/queue").WithTags("Queues").RequireAuthorization(Policies.Staff);
        group.MapGet("/projects/{projectId:guid}/queues", ListProjectQueues).WithName("ListProjectQueues").WithSummary("The queues of a project");
        group.MapPost("/projects/{projectId:guid}/queues", CreateQueue).WithName("CreateQueue").WithSummary("Creates a queue for a project: routing strategy, skills, service-level target, wrap-up, max wait and overflow").WithRequestExample(new { Name = "Acme hotline (Czech)", Strategy = "longest_idle", ServiceLevelPercent = 80, ServiceLevelSeconds = 20, WrapUpSeconds = 30, RequiredSkills = new[] { new { Skill = "czech", MinimumProficiency = 5 } }, MaxWaitSeconds = 300, WhenNoAgents = "wait" }).RequireAuthorization(Policies.Admin);
        group.MapGet("/queues/{queueId:guid}", GetQueue).WithName("GetQueue").WithSummary("A queue's settings");
        group.MapPut("/queues/{queueId:guid}", ConfigureQueue).WithName("ConfigureQueue").RequireAuthorization(Policies.Admin)
            .Accepts<QueueSettingsRequest>("application/json")
            .WithSummary("Changes the fields named in the body and keeps the others; null clears an optional one; an unknown field is refused.");
        group.MapPut("/queues/{queueId:guid}/members", ReplaceQueueMembers).WithName("ReplaceQueueMembers").WithSummary("Replaces the agents who are members of a queue").RequireAuthorization(Policies.Supervision);
        return group;
    }

    public sealed record QueueResponse(
        Guid Id, Guid ProjectId, string Name, bool IsDefault, string Strategy, int ServiceLevelPercent, int ServiceLevelSeconds,
        int WrapUpSeconds, SkillRequirement[] RequiredSkills, RelaxationStep[] Relaxation, PriorityAging? Aging, int RingAllWidth,
        int OfferTimeoutSeconds, int? MaxWaitSeconds, int? MaxLength, Guid? OverflowQueueId, string WhenNoAgents,
        int DefaultHandleSeconds, string[] DialledNumbers, DateTime CreatedAt, bool PauseOnRingNoAnswer,
        int CallbackMaxAttempts = 3, int CallbackRetryMinutes = 15, int? AnnounceEverySeconds = null, bool AnnouncePosition = true,
        bool AnnounceWait = true, string MusicOnHold = "default", int ShortAbandonSeconds = QueueSettings.DefaultShortAbandonSeconds,
        string ShortAbandons = QueueSettings.ShortAbandonsCounted)
    {
        public static QueueResponse From(QueueRow q)
        {
            var rules = q.Rules;
            return new(q.Id, q.ProjectId, q.Name, q.IsDefault, q.Strategy, q.ServiceLevelPercent, q.ServiceLevelSeconds, q.WrapUpSeconds,
                [.. rules.RequiredSkills], [.. rules.Relaxation], q.Aging, q.RingAllWidth, q.OfferTimeoutSeconds, q.MaxWaitSeconds, q.MaxLength,
                q.OverflowQueueId, q.WhenNoAgents, q.DefaultHandleSeconds, q.DialledNumbers, q.CreatedAt, q.PauseOnRingNoAnswer,
                q.CallbackMaxAttempts, q.CallbackRetryMinutes, q.AnnounceEverySeconds, q.AnnouncePosition, q.AnnounceWait, q.MusicOnHold,
                q.ShortAbandonSeconds, q.ShortAbandons);
        }
    }

    public sealed record Member(Guid AgentId, int Tier);

    private static async Task<Results<Ok<QueueResponse[]>, ProblemHttpResult>> ListProjectQueues(
        Guid projectId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        if (!await ProjectExistsAsync(session, projectId, ct))
        {
            return Problems.NotFound("Project", projectId);
        }
        var queues = await session.QueryAsync<QueueRow>(
            $"SELECT {QueueRow.Columns} FROM queues WHERE tenant_id = @TenantId AND project_id = @projectId ORDER BY is_default DESC, name",
            new { session.TenantId, projectId }, ct);
        return TypedResults.Ok(queues.Select(QueueResponse.From).ToArray());
    }

    private static async Task<Results<Created<QueueResponse>, ProblemHttpResult, ValidationProblem>> CreateQueue(
        Guid projectId, QueueSettingsRequest request, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var (settings, errors) = QueueSettings.From(request);
        if (settings is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The queue cannot be created.");
        }
        var queueId = Guid.CreateVersion7();
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        if (!await ProjectExistsAsync(session, projectId, ct))
        {
            return Problems.NotFound("Project", projectId);
        }
        if (await CheckOverflowAsync(session, settings) is { } refused)
        {
            return refused;
        }
        const string sql = """
            INSERT INTO queues (tenant_id, id, project_id, name, is_default, strategy, service_level_percent, service_level_seconds,
                                wrap_up_seconds, created_at)
            VALUES (@TenantId, @queueId, @projectId, @Name, false, 'longest_idle', 80, 20, 30, @now)
            """;
        await session.ExecuteAsync(sql, new { session.TenantId, queueId, projectId, settings.Name, now = clock.GetUtcNowAsStored() }, ct);
        await WriteSettingsAsync(session, queueId, settings, clock, ct);
        await session.CommitAsync(ct);
        var created = QueueResponse.From((await FindAsync(db, user.TenantId(), queueId, ct))!);
        return TypedResults.Created($"/api/queue/queues/{queueId}", created);
    }

    private static async Task<Results<Ok<QueueResponse>, ProblemHttpResult, ValidationProblem>> ConfigureQueue(
        Guid queueId, HttpRequest http, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        var (changes, unreadable) = await QueueSettingsChange.ReadAsync(http, ct);
        if (changes is null)
        {
            return TypedResults.ValidationProblem(unreadable, title: "The queue cannot be configured.");
        }
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        if (await QueueRow.FindAsync(session, queueId, ct) is not { } current)
        {
            return Problems.NotFound("Queue", queueId);
        }
        var (request, notSettings) = QueueSettingsChange.Merge(current, changes);
        var (settings, errors) = request is null ? (null, notSettings) : QueueSettings.From(request, queueId);
        if (settings is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The queue cannot be configured.");
        }
        if (await CheckOverflowAsync(session, settings) is { } refused)
        {
            return refused;
        }
        await WriteSettingsAsync(session, queueId, settings, clock, ct);
        await session.CommitAsync(ct);
        return TypedResults.Ok(QueueResponse.From((await FindAsync(db, user.TenantId(), queueId, ct))!));
    }

    private static async Task<Results<Ok<QueueLiveView.LiveQueue>, ProblemHttpResult>> GetQueue(
        Guid queueId, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var queue = await QueueRow.FindAsync(session, queueId, ct);
        if (queue is null)
        {
            return Problems.NotFound("Queue", queueId);
        }
        var live = await QueueLiveView.ReadAsync(session, queue, clock.GetUtcNow(), ct);
        await session.CommitAsync(ct);
        return TypedResults.Ok(live);
    }

    private static async Task<Results<Ok<Member[]>, ProblemHttpResult, ValidationProblem>> ReplaceQueueMembers(
        Guid queueId, Member[] members, ClaimsPrincipal user, NpgsqlDataSource db, Dispatch.Dispatcher dispatcher, TimeProvider clock, CancellationToken ct)
    {
        if (members.Length > 1000 || members.Any(m => m is null || m.Tier is < 1 or > 9) || members.Select(m => m?.AgentId).Distinct().Count() != members.Length)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["members"] = ["At most 1000 distinct agents, each with a tier from 1 (tried first) to 9; their order is the queue's fixed order."],
            }, title: "The members cannot be set.");
        }
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var queue = await QueueRow.FindAsync(session, queueId, ct);
        if (queue is null)
        {
            return Problems.NotFound("Queue", queueId);
        }
        var agentIds = members.Select(m => m.AgentId).ToArray();
        var known = (await session.QueryAsync<Guid>("SELECT id FROM agents WHERE tenant_id = @TenantId AND id = ANY(@agentIds)",
            new { session.TenantId, agentIds }, ct)).ToHashSet();
        if (agentIds.FirstOrDefault(id => !known.Contains(id)) is var unknown && unknown != Guid.Empty)
        {
            return Problems.NotFound("Agent", unknown);
        }
        const string sql = """
            DELETE FROM queue_members WHERE tenant_id = @TenantId AND queue_id = @queueId;
            INSERT INTO queue_members (tenant_id, queue_id, agent_id, tier, member_order)
            SELECT @TenantId, @queueId, agent, tier, ord FROM unnest(@agentIds, @tiers) WITH ORDINALITY AS m(agent, tier, ord);
            """;
        var before = await AgentAssignments.MembersOfAsync(session, queueId, ct);
        await session.ExecuteAsync(sql, new { session.TenantId, queueId, agentIds, tiers = members.Select(m => m.Tier).ToArray() }, ct);
        await AgentAssignments.PublishAsync(session, [.. before, .. agentIds], clock.GetUtcNowAsStored(), ct);
        await session.PublishAsync(new QueueMembersReplaced(session.TenantId, queueId, agentIds, clock.GetUtcNowAsStored()), ct);
        // Members who could take calls may have left the queue: its no-agent rule settles the waiting calls now.
        var overflowInto = await Dispatch.NoAgentRule.AfterAgentLeftAsync(session, Guid.Empty, clock.GetUtcNowAsStored(), ct, [queueId]);
        await session.CommitAsync(ct);
        await dispatcher.DispatchQueuesAsync(user.TenantId(), overflowInto, ct);
        return TypedResults.Ok(members);
    }

    private static async Task<QueueRow?> FindAsync(NpgsqlDataSource db, Guid tenantId, Guid queueId, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(tenantId, ct);
        return await QueueRow.FindAsync(session, queueId, ct);
    }

    private static Task<bool> ProjectExistsAsync(TenantSession session, Guid projectId, CancellationToken ct) =>
        session.QuerySingleOrDefaultAsync<bool>("SELECT EXISTS (SELECT 1 FROM projects WHERE tenant_id = @TenantId AND id = @projectId)",
            new { session.TenantId, projectId }, ct);

    private static async Task<ProblemHttpResult?> CheckOverflowAsync(TenantSession session, QueueSettings settings) =>
        settings.OverflowQueueId is { } overflow && await QueueRow.FindAsync(session, overflow, CancellationToken.None) is null
            ? Problems.NotFound("Overflow queue", overflow)
            : null;

    private static async Task WriteSettingsAsync(TenantSession session, Guid queueId, QueueSettings s, TimeProvider clock, CancellationToken ct)
    {
        const string sql = """
            UPDATE queues SET name = @Name, strategy = @Strategy, service_level_percent = @ServiceLevelPercent,
                   service_level_seconds = @ServiceLevelSeconds, wrap_up_seconds = @WrapUpSeconds,
                   required_skills = CAST(@RequiredSkills AS jsonb), relaxation = CAST(@Relaxation AS jsonb),
                   aging_every_seconds = @AgingEvery, aging_max_boost = @AgingMax, ring_all_width = @RingAllWidth,
                   offer_timeout_seconds = @OfferTimeoutSeconds, max_wait_seconds = @MaxWaitSeconds, max_length = @MaxLength,
                   overflow_queue_id = @OverflowQueueId, when_no_agents = @WhenNoAgents, default_handle_seconds = @DefaultHandleSeconds,
                   dialled_numbers = @DialledNumbers, pause_on_ring_no_answer = @PauseOnRingNoAnswer,
                   callback_max_attempts = @CallbackMaxAttempts, callback_retry_minutes = @CallbackRetryMinutes,
                   announce_every_seconds = @AnnounceEverySeconds, announce_position = @AnnouncePosition, announce_wait = @AnnounceWait,
                   music_on_hold = @MusicOnHold, short_abandon_seconds = @ShortAbandonSeconds,
                   short_abandons = @ShortAbandons, updated_at = @now
            WHERE tenant_id = @TenantId AND id = @queueId
            RETURNING project_id
            """;
        var now = clock.GetUtcNowAsStored();
        var projectId = await session.QuerySingleOrDefaultAsync<Guid>(sql, new
        {
            session.TenantId, queueId, s.Name, Strategy = RoutingStrategyNames.ToName(s.Strategy), s.ServiceLevelPercent, s.ServiceLevelSeconds,
            s.WrapUpSeconds, RequiredSkills = JsonSerializer.Serialize(s.RequiredSkills, JsonSerializerOptions.Web),
            Relaxation = JsonSerializer.Serialize(s.Relaxation, JsonSerializerOptions.Web), AgingEvery = s.Aging?.EverySeconds,
            AgingMax = s.Aging?.MaxBoost, s.RingAllWidth, s.OfferTimeoutSeconds, s.MaxWaitSeconds, s.MaxLength, s.OverflowQueueId,
            s.WhenNoAgents, s.DefaultHandleSeconds, s.DialledNumbers, s.PauseOnRingNoAnswer, now,
            s.CallbackMaxAttempts, s.CallbackRetryMinutes, s.AnnounceEverySeconds, s.AnnouncePosition, s.AnnounceWait, s.MusicOnHold,
            s.ShortAbandonSeconds, s.ShortAbandons,
        }, ct);
        await session.PublishAsync(new QueueConfigured(session.TenantId, queueId, projectId, s.Name, s.ServiceLevelPercent, s.ServiceLevelSeconds, now,
            s.ShortAbandonSeconds, s.ShortAbandons == QueueSettings.ShortAbandonsExcluded), ct);
    }
}

using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Queue.Calls;
using Platform.Queue.Dialer.Dialing;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Queue.Dialer.Campaigns;

/// <summary>Making, reading and editing campaigns.</summary>
public static class CampaignEditing
{
    public static async Task<Results<Created<CampaignView>, ValidationProblem, ProblemHttpResult>> CreateCampaign(
        CampaignDefinition definition, ClaimsPrincipal user, NpgsqlDataSource db, IBus bus, DialerOptions options, TimeProvider clock, CancellationToken ct)
    {
        var (campaign, errors) = definition.Check();
        if (campaign is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The campaign cannot be made.");
        }
        if (await CallListCheck.RefusalAsync(bus, options, user.TenantId(), campaign, "The campaign cannot be made.", ct) is { } refusal)
        {
            return refusal;
        }
        var now = clock.GetUtcNowAsStored();
        var id = Guid.CreateVersion7();
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        const string queueSql = """
            SELECT id FROM queues WHERE tenant_id = @TenantId AND project_id = @ProjectId ORDER BY is_default DESC, created_at, id LIMIT 1
            """;
        var queueId = await session.QuerySingleOrDefaultAsync<Guid?>(queueSql, new { session.TenantId, campaign.ProjectId }, ct);
        if (queueId is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["projectId"] = ["No such project (or it has no queue yet)."] },
                title: "The campaign cannot be made.");
        }
        if (await CheckMembersAsync(session, campaign, ct) is { } badMembers)
        {
            return TypedResults.ValidationProblem(badMembers, title: "The campaign cannot be made.");
        }
        try
        {
            await session.ExecuteAsync("""
                INSERT INTO campaigns (tenant_id, id, project_id, queue_id, name, dial_mode, caller_id, source_kind, source_statuses, source_vip_only,
                                       source_call_list_id, hours_from, hours_to, abandon_cap_percent, ring_seconds, state, state_since, created_at, updated_at)
                VALUES (@TenantId, @id, @ProjectId, @queueId, @Name, @Mode, @CallerId, @SourceKind, @Statuses, @VipOnly,
                        @CallListId, CAST(@HoursFrom AS time), CAST(@HoursTo AS time), @AbandonCapPercent, @RingSeconds, 'draft', @now, @now, @now)
                """, Parameters(session, id, campaign, now, new { queueId }), ct);
            await WriteMembersAsync(session, id, campaign, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return NameTaken(campaign.Name);
        }
        var view = (await CampaignView.ReadAsync(session, id, ct))!;
        await session.CommitAsync(ct);
        return TypedResults.Created($"/api/queue/campaigns/{id}", view);
    }

    public static async Task<Ok<CampaignView[]>> ListCampaigns(ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct, Guid? projectId = null)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var agentId = await OwnAgentFilterAsync(session, user, ct);
        var list = agentId == Guid.Empty ? [] : await CampaignView.ListAsync(session, projectId, agentId, ct);
        await session.CommitAsync(ct);
        return TypedResults.Ok(list);
    }

    public static async Task<Results<Ok<CampaignView>, ProblemHttpResult>> GetCampaign(Guid campaignId, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var view = await VisibleAsync(session, user, campaignId, ct);
        await session.CommitAsync(ct);
        return view is null ? Problems.NotFound("Campaign", campaignId) : TypedResults.Ok(view);
    }

    public static async Task<Results<Ok<CampaignView>, ValidationProblem, ProblemHttpResult>> UpdateCampaign(
        Guid campaignId, CampaignDefinition definition, ClaimsPrincipal user, NpgsqlDataSource db, IBus bus, DialerOptions options, TimeProvider clock,
        CancellationToken ct)
    {
        var (campaign, errors) = definition.Check();
        if (campaign is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The campaign cannot be changed.");
        }
        if (await CallListCheck.RefusalAsync(bus, options, user.TenantId(), campaign, "The campaign cannot be changed.", ct) is { } refusal)
        {
            return refusal;
        }
        var now = clock.GetUtcNowAsStored();
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var current = await session.QuerySingleOrDefaultAsync<(Guid ProjectId, string State)?>(
            "SELECT project_id, state FROM campaigns WHERE tenant_id = @TenantId AND id = @campaignId FOR UPDATE", new { session.TenantId, campaignId }, ct);
        if (current is not { } row)
        {
            return Problems.NotFound("Campaign", campaignId);
        }
        if (row.ProjectId != campaign.ProjectId)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["projectId"] = ["A campaign stays in its project."] },
                title: "The campaign cannot be changed.");
        }
        if (!CampaignState.IsEditable(row.State))
        {
            return CallConflict.Because("The campaign cannot be changed.", $"The campaign is {row.State}; pause it first (a stopped campaign stays as it was).");
        }
        if (await CheckMembersAsync(session, campaign, ct) is { } badMembers)
        {
            return TypedResults.ValidationProblem(badMembers, title: "The campaign cannot be changed.");
        }
        try
        {
            await session.ExecuteAsync("""
                UPDATE campaigns SET name = @Name, dial_mode = @Mode, caller_id = @CallerId, source_kind = @SourceKind, source_statuses = @Statuses,
                       source_vip_only = @VipOnly, source_call_list_id = @CallListId, hours_from = CAST(@HoursFrom AS time), hours_to = CAST(@HoursTo AS time), abandon_cap_percent = @AbandonCapPercent,
                       ring_seconds = @RingSeconds, updated_at = @now
                WHERE tenant_id = @TenantId AND id = @id;
                DELETE FROM campaign_agents WHERE tenant_id = @TenantId AND campaign_id = @id;
                DELETE FROM campaign_groups WHERE tenant_id = @TenantId AND campaign_id = @id;
                """, Parameters(session, campaignId, campaign, now, new { }), ct);
            await WriteMembersAsync(session, campaignId, campaign, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return NameTaken(campaign.Name);
        }
        var view = (await CampaignView.ReadAsync(session, campaignId, ct))!;
        await session.CommitAsync(ct);
        return TypedResults.Ok(view);
    }

    /// <summary>The campaign, when this user may see it (an agent: only one they work).</summary>
    public static async Task<CampaignView?> VisibleAsync(TenantSession session, ClaimsPrincipal user, Guid campaignId, CancellationToken ct)
    {
        var view = await CampaignView.ReadAsync(session, campaignId, ct);
        if (view is null || await OwnAgentFilterAsync(session, user, ct) is not { } agentId)
        {
            return view;
        }
        const string sql = $"SELECT EXISTS (SELECT 1 FROM {CampaignAgents.OfCampaignSql} WHERE m.campaign_id = @campaignId AND m.agent_id = @agentId)";
        return await session.QuerySingleOrDefaultAsync<bool>(sql, new { campaignId, agentId }, ct) ? view : null;
    }

    /// <summary>For an agent, their own agent id (Guid.Empty when their user has no agent record); null for everyone else.</summary>
    private static async Task<Guid?> OwnAgentFilterAsync(TenantSession session, ClaimsPrincipal user, CancellationToken ct) =>
        ActingAgent.ActsForSelfOnly(user)
            ? await session.QuerySingleOrDefaultAsync<Guid?>("SELECT id FROM agents WHERE tenant_id = @TenantId AND user_id = @UserId",
                new { session.TenantId, UserId = user.UserId() }, ct) ?? Guid.Empty
            : null;

    private static object Parameters(TenantSession session, Guid id, CampaignDefinition.Valid c, DateTimeOffset now, object extra) => new Dapper.DynamicParameters(new
    {
        session.TenantId, id, c.ProjectId, c.Name, Mode = CampaignDefinition.NameOf(c.Mode), c.CallerId, c.SourceKind, c.Statuses, c.VipOnly, c.CallListId,
        HoursFrom = c.HoursFrom?.ToTimeSpan(), HoursTo = c.HoursTo?.ToTimeSpan(), AbandonCapPercent = (decimal)c.AbandonCapPercent, c.RingSeconds, now,
    }).Also(extra);

    private static Dapper.DynamicParameters Also(this Dapper.DynamicParameters parameters, object extra)
    {
        parameters.AddDynamicParams(extra);
        return parameters;
    }

    private static async Task<Dictionary<string, string[]>?> CheckMembersAsync(TenantSession session, CampaignDefinition.Valid c, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var agents = (await session.QueryAsync<Guid>("SELECT id FROM agents WHERE tenant_id = @TenantId AND id = ANY(@AgentIds)",
            new { session.TenantId, c.AgentIds }, ct)).ToHashSet();
        if (c.AgentIds.FirstOrDefault(a => !agents.Contains(a)) is var missing && missing != Guid.Empty)
        {
            errors["agentIds"] = [$"No such agent: {missing}."];
        }
        var groups = (await session.QueryAsync<Guid>("SELECT id FROM agent_groups WHERE tenant_id = @TenantId AND id = ANY(@GroupIds)",
            new { session.TenantId, c.GroupIds }, ct)).ToHashSet();
        if (c.GroupIds.FirstOrDefault(g => !groups.Contains(g)) is var missingGroup && missingGroup != Guid.Empty)
        {
            errors["groupIds"] = [$"No such group: {missingGroup}."];
        }
        return errors.Count > 0 ? errors : null;
    }

    private static async Task WriteMembersAsync(TenantSession session, Guid campaignId, CampaignDefinition.Valid c, CancellationToken ct) =>
        await session.ExecuteAsync("""
            INSERT INTO campaign_agents (tenant_id, campaign_id, agent_id) SELECT @TenantId, @campaignId, a FROM unnest(@AgentIds) AS a;
            INSERT INTO campaign_groups (tenant_id, campaign_id, group_id) SELECT @TenantId, @campaignId, g FROM unnest(@GroupIds) AS g;
            """, new { session.TenantId, campaignId, c.AgentIds, c.GroupIds }, ct);

    private static ProblemHttpResult NameTaken(string name) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The campaign cannot be saved.",
            detail: $"The project has a campaign named '{name}' already.");
}

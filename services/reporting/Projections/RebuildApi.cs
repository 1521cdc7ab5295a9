using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.Reporting.Live;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;

namespace Platform.Reporting.Projections;

/// <summary>
/// Rebuilds the caller's tenant's projections from scratch: empties them and replays the event log by each event's own
/// time, in one transaction (readers see the old figures until it commits). For an admin after a projection changed.
/// </summary>
public static class RebuildApi
{
    public sealed record Rebuilt(long Events);

    private static readonly string[] Projections =
    [
        "queues", "queue_intervals", "live_calls", "project_days", "agents", "agent_state_changes", "agent_days", "user_days",
        "user_day_contacts", "daily_plans", "script_funnels", "script_funnel_steps", "queue_members", "queue_member_lists",
        "call_records", "outcomes", "queue_flows", "satisfaction_answers",
    ];

    private const int Page = 2000;

    public static RouteGroupBuilder MapRebuildApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/reporting/projections").WithTags("Projections").RequireAuthorization(Policies.Admin);
        group.MapPost("/rebuild", RebuildProjections).WithName("RebuildProjections").WithSummary("Rebuilds the tenant's report figures from the recorded events (same figures as before when nothing was lost)");
        return group;
    }

    private sealed record LoggedEvent(DateTime OccurredAt, DateTime ReceivedAt, Guid MessageId, string MessageType, string Body);

    private static async Task<Ok<Rebuilt>> RebuildProjections(ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        await session.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended('reporting-rebuild:' || @Tenant, 0))",
            new { Tenant = session.TenantId.ToString() }, ct);
        foreach (var table in Projections)
        {
            await session.ExecuteAsync($"DELETE FROM {table} WHERE tenant_id = @TenantId", new { session.TenantId }, ct);
        }
        long count = 0;
        LoggedEvent? last = null;
        while (true)
        {
            var page = (await session.QueryAsync<LoggedEvent>("""
                SELECT occurred_at, received_at, message_id, message_type, body::text AS body FROM event_log
                WHERE tenant_id = @TenantId
                  AND (CAST(@LastAt AS timestamptz) IS NULL OR (occurred_at, received_at, message_id) > (@LastAt, @LastReceived, @LastId))
                ORDER BY occurred_at, received_at, message_id LIMIT @Page
                """, new { session.TenantId, LastAt = last?.OccurredAt, LastReceived = last?.ReceivedAt, LastId = last?.MessageId, Page }, ct)).ToList();
            await Projector.ApplyAsync(session, page.Select(logged => EventLog.Read(logged.MessageType, logged.Body)).ToList(), ct);
            count += page.Count;
            if (page.Count < Page)
            {
                break;
            }
            last = page[^1];
        }
        await LiveNudge.SendAsync(session, ct);
        await session.CommitAsync(ct);
        return TypedResults.Ok(new Rebuilt(count));
    }
}

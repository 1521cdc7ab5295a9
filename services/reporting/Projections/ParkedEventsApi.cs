using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Platform.ServiceDefaults.Auth;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Http;

namespace Platform.Reporting.Projections;

/// <summary>
/// The events reporting parked (one that failed on its own, its batch counted without it) and an admin's replay of one:
/// counted as its consumer would count it (inbox, business identity, event log, projections) in one transaction, after
/// which it leaves the parked list; a replay that fails again keeps it parked with the new reason. Every replay is audited
/// (who, when, how it ended) and the latest replays are listed with the parked events.
/// </summary>
public static class ParkedEventsApi
{
    public sealed record ParkedEvent(Guid MessageId, string MessageType, DateTimeOffset ParkedAt, string Error, JsonElement Body);

    public sealed record Replay(Guid ReplayId, Guid MessageId, string MessageType, Guid ReplayedBy, DateTimeOffset ReplayedAt, string Outcome, string? Error);

    public sealed record ParkedEvents(IReadOnlyList<ParkedEvent> Parked, IReadOnlyList<Replay> Replays);

    public const string Counted = "counted", AlreadyCounted = "already_counted", Failed = "failed";

    public static RouteGroupBuilder MapParkedEventsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/reporting/projections/parked").WithTags("Projections").RequireAuthorization(Policies.Admin);
        group.MapGet("/", ListParkedEvents).WithName("ListParkedEvents")
            .WithSummary("The events reporting parked (newest first, up to 500) with their reasons, and the latest 100 replays.");
        group.MapPost("/{messageId:guid}/replay", ReplayParkedEvent).WithName("ReplayParkedEvent")
            .WithSummary("Counts a parked event again, as its consumer would; audited. 404 when nothing is parked under that id.");
        return group;
    }

    private sealed record ParkedRow(Guid MessageId, string MessageType, DateTime ParkedAt, string Error, string Body);

    private sealed record ReplayRow(Guid ReplayId, Guid MessageId, string MessageType, Guid ReplayedBy, DateTime ReplayedAt, string Outcome, string? Error);

    private static async Task<Ok<ParkedEvents>> ListParkedEvents(ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        var parked = await session.QueryAsync<ParkedRow>("""
            SELECT message_id, message_type, parked_at, error, body::text AS body FROM parked_events WHERE tenant_id = @TenantId
            ORDER BY parked_at DESC, message_id LIMIT 500
            """, new { session.TenantId }, ct);
        var replays = await session.QueryAsync<ReplayRow>("""
            SELECT replay_id, message_id, message_type, replayed_by, replayed_at, outcome, error FROM parked_event_replays WHERE tenant_id = @TenantId
            ORDER BY replayed_at DESC, replay_id LIMIT 100
            """, new { session.TenantId }, ct);
        return TypedResults.Ok(new ParkedEvents(
            parked.Select(p => new ParkedEvent(p.MessageId, p.MessageType, Utc(p.ParkedAt), p.Error, JsonDocument.Parse(p.Body).RootElement.Clone())).ToList(),
            replays.Select(r => new Replay(r.ReplayId, r.MessageId, r.MessageType, r.ReplayedBy, Utc(r.ReplayedAt), r.Outcome, r.Error)).ToList()));
    }

    private static async Task<Results<Ok<IReadOnlyList<Replay>>, ProblemHttpResult>> ReplayParkedEvent(
        Guid messageId, ClaimsPrincipal user, NpgsqlDataSource db, TimeProvider clock, CancellationToken ct)
    {
        List<(string Type, string Body)> parked;
        await using (var look = await db.BeginTenantSessionAsync(user.TenantId(), ct))
        {
            parked = (await look.QueryAsync<(string, string)>(
                "SELECT message_type, body::text FROM parked_events WHERE tenant_id = @TenantId AND message_id = @messageId ORDER BY message_type",
                new { look.TenantId, messageId }, ct)).ToList();
        }
        if (parked.Count == 0)
        {
            return Problems.NotFound("Parked event", messageId);
        }
        var replays = new List<Replay>();
        foreach (var (type, body) in parked)
        {
            string outcome;
            string? error = null;
            try
            {
                await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
                var consumer = ProjectionConsumers.For(type) ?? throw new InvalidOperationException($"No consumer of {type}.");
                var counted = await ProjectionWrite.CountAsync(session, consumer, [(messageId, EventLog.Read(type, body))], ct);
                outcome = counted > 0 ? Counted : AlreadyCounted;
                await session.ExecuteAsync(
                    "DELETE FROM parked_events WHERE tenant_id = @TenantId AND message_id = @messageId AND message_type = @type",
                    new { session.TenantId, messageId, type }, ct);
                await session.CommitAsync(ct);
            }
            catch (Exception failure) when (failure is not OperationCanceledException && !(failure is NpgsqlException { IsTransient: true }))
            {
                outcome = Failed;
                error = $"{failure.GetType().Name}: {failure.Message}";
            }
            replays.Add(await AuditAsync(db, user, messageId, type, outcome, error, clock.GetUtcNow(), ct));
        }
        return TypedResults.Ok<IReadOnlyList<Replay>>(replays);
    }

    private static async Task<Replay> AuditAsync(NpgsqlDataSource db, ClaimsPrincipal user, Guid messageId, string type, string outcome, string? error,
        DateTimeOffset now, CancellationToken ct)
    {
        var replay = new Replay(Guid.CreateVersion7(), messageId, type, user.UserId(), now, outcome, error);
        await using var session = await db.BeginTenantSessionAsync(user.TenantId(), ct);
        await session.ExecuteAsync("""
            INSERT INTO parked_event_replays (tenant_id, replay_id, message_id, message_type, replayed_by, replayed_at, outcome, error)
            VALUES (@TenantId, @ReplayId, @MessageId, @MessageType, @ReplayedBy, @ReplayedAt, @Outcome, @Error);
            UPDATE parked_events SET error = COALESCE(@Error, error) WHERE tenant_id = @TenantId AND message_id = @MessageId AND message_type = @MessageType;
            """, new
        {
            session.TenantId, replay.ReplayId, replay.MessageId, replay.MessageType, replay.ReplayedBy, replay.ReplayedAt, replay.Outcome, replay.Error,
        }, ct);
        await session.CommitAsync(ct);
        return replay;
    }

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}

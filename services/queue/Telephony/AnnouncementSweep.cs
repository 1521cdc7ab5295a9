using Dapper;
using Npgsql;
using Platform.Queue.Calls;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Hosting;

namespace Platform.Queue.Telephony;

public sealed class AnnouncementOptions
{
    /// <summary>How often the callers due an announcement are looked for; 0 turns announcements off.</summary>
    public int SweepMilliseconds { get; set; } = 1000;
}

/// <summary>
/// A caller waiting in a queue that announces (<c>announceEverySeconds</c>) hears, every that many seconds since they
/// arrived or last heard one, their place in line and the estimated wait — the same figures routing uses
/// (<see cref="CallsApi.PlaceInLineAsync"/>) — over the queue's music on hold: an <c>announce</c> command on the stream.
/// On every replica; a conditional update on <c>announced_at</c> announces a call once per interval whichever replica gets there.
/// </summary>
public sealed partial class AnnouncementSweep(
    [FromKeyedServices(CrossTenantDataSource.Key)] NpgsqlDataSource db, AnnouncementOptions options, TimeProvider clock,
    ILogger<AnnouncementSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.SweepMilliseconds <= 0)
        {
            return;
        }
        await Periodically.RunAsync(TimeSpan.FromMilliseconds(options.SweepMilliseconds), SweepAsync, LogSweepFailed, stoppingToken);
    }

    /// <returns>How many announcements were sent.</returns>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNowAsStored();
        List<(Guid TenantId, Guid CallId)> due;
        await using (var connection = await DatabaseResilience.OpenAsync(db, ct))
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await connection.ExecuteAsync("SELECT set_config('app.system_task', 'routing', true)", transaction: transaction);
            due = (await connection.QueryAsync<(Guid, Guid)>(new CommandDefinition("""
                SELECT c.tenant_id, c.id FROM queues q
                JOIN LATERAL (SELECT c.tenant_id, c.id FROM calls c
                              WHERE c.tenant_id = q.tenant_id AND c.queue_id = q.id AND c.status = 'waiting' AND c.callback_number IS NULL
                                AND COALESCE(c.announced_at, c.arrived_at) <= @now - make_interval(secs => q.announce_every_seconds)
                              LIMIT 500) c ON true
                WHERE q.announce_every_seconds IS NOT NULL
                LIMIT 2000
                """, new { now }, transaction, cancellationToken: ct))).ToList();
            await transaction.CommitAsync(ct);
        }
        var sent = 0;
        foreach (var tenant in due.GroupBy(d => d.TenantId))
        {
            await using var session = await db.BeginTenantSessionAsync(tenant.Key, ct);
            foreach (var (_, callId) in tenant)
            {
                sent += await AnnounceAsync(session, callId, now, ct) ? 1 : 0;
            }
            await session.CommitAsync(ct);
        }
        return sent;
    }

    private static async Task<bool> AnnounceAsync(TenantSession session, Guid callId, DateTimeOffset now, CancellationToken ct)
    {
        const string claimSql = """
            UPDATE calls c SET announced_at = @now
            FROM queues q
            WHERE c.tenant_id = @TenantId AND c.id = @callId AND c.status = 'waiting' AND q.tenant_id = c.tenant_id AND q.id = c.queue_id
              AND q.announce_every_seconds IS NOT NULL
              AND COALESCE(c.announced_at, c.arrived_at) <= @now - make_interval(secs => q.announce_every_seconds)
            RETURNING q.announce_position, q.announce_wait, q.music_on_hold
            """;
        if (await session.QuerySingleOrDefaultAsync<(bool Position, bool Wait, string MusicOnHold)?>(claimSql, new { session.TenantId, callId, now }, ct)
            is not { } queue)
        {
            return false; // taken, ended or announced meanwhile
        }
        var (position, estimate) = await CallsApi.PlaceInLineAsync(session, callId, ct);
        await session.ExecuteAsync("""
            INSERT INTO pbx_commands (tenant_id, command_id, call_id, kind, body, created_at)
            SELECT @TenantId, gen_random_uuid(), c.id, 'announce',
                   jsonb_build_object('callId', c.id, 'externalId', c.external_id, 'position', @position,
                                      'estimatedWaitSeconds', @estimate, 'musicOnHold', @musicOnHold::text), @now
            FROM calls c WHERE c.tenant_id = @TenantId AND c.id = @callId
            """, new
        {
            session.TenantId, callId, now, position = queue.Position ? position : null, estimate = queue.Wait ? estimate : null, musicOnHold = queue.MusicOnHold,
        }, ct);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Announcement sweep failed; trying again at the next tick")]
    private partial void LogSweepFailed(Exception exception);
}

using Dapper;
using MassTransit;
using Npgsql;
using Platform.Contracts.Queue;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Hosting;
using Platform.ServiceDefaults.Messaging.Outbox;

namespace Platform.Queue.Callbacks;

public sealed class CallbackDayOptions
{
    /// <summary>How often the callbacks due are checked against their project's opening hours; 0 turns the sweep off (the test platform does).</summary>
    public int SweepSeconds { get; set; } = 30;

    /// <summary>How long the CRM has to answer; without an answer the callbacks wait as they are until the next sweep.</summary>
    public int RequestTimeoutSeconds { get; set; } = 10;
}

/// <summary>
/// Callbacks are made in their project's opening hours. On every replica, every <see cref="CallbackDayOptions.SweepSeconds"/>:
/// the projects with callbacks due (waiting, not scheduled for later) are asked of the CRM (<see cref="FindProjectOpening"/>,
/// which owns the calendar and the zone); a project that is closed — the day is over, a weekend, a holiday, lunch — has its
/// due callbacks moved to its next opening, where they are offered before the other calls of their queue (VIP callers
/// excepted), each with <see cref="CallbackCarriedOver"/>. The callback stays the queue's: the same call, place, dial-out and
/// outcome; nothing is dropped. Conditional updates: two replicas move a callback once.
/// </summary>
public sealed partial class CallbackDaySweep(
    [FromKeyedServices(CrossTenantDataSource.Key)] NpgsqlDataSource db, IBus bus, CallbackDayOptions options, TimeProvider clock,
    ILogger<CallbackDaySweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.SweepSeconds <= 0)
        {
            return;
        }
        await Periodically.RunAsync(TimeSpan.FromSeconds(options.SweepSeconds), SweepAsync, LogSweepFailed, stoppingToken);
    }

    /// <returns>How many callbacks were moved to a later opening.</returns>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNowAsStored();
        List<(Guid TenantId, Guid ProjectId)> projects;
        await using (var connection = await DatabaseResilience.OpenAsync(db, ct))
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await connection.ExecuteAsync("SELECT set_config('app.system_task', 'routing', true)", transaction: transaction);
            projects = (await connection.QueryAsync<(Guid, Guid)>(new CommandDefinition("""
                SELECT DISTINCT tenant_id, project_id FROM calls
                WHERE status = 'waiting' AND callback_number IS NOT NULL AND (callback_due_at IS NULL OR callback_due_at <= @now)
                LIMIT 500
                """, new { now }, transaction, cancellationToken: ct))).ToList();
            await transaction.CommitAsync(ct);
        }
        if (projects.Count == 0)
        {
            return 0;
        }
        var client = bus.CreateRequestClient<FindProjectOpening>(RequestTimeout.After(s: options.RequestTimeoutSeconds));
        var moved = 0;
        foreach (var (tenantId, projectId) in projects)
        {
            ProjectOpening opening;
            try
            {
                opening = (await client.GetResponse<ProjectOpening>(new FindProjectOpening(tenantId, projectId, now), ct)).Message;
            }
            catch (RequestTimeoutException)
            {
                LogNoAnswer(projectId);
                break; // the CRM is away: the others would wait as long; every callback waits as it is until the next sweep
            }
            if (opening is { Known: true, OpenNow: false, NextOpensAt: { } opens })
            {
                moved += await CarryOverAsync(tenantId, projectId, opening, opens, now, ct);
            }
        }
        return moved;
    }

    private async Task<int> CarryOverAsync(Guid tenantId, Guid projectId, ProjectOpening opening, DateTimeOffset opens, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(tenantId, ct);
        const string sql = """
            UPDATE calls SET callback_due_at = @opens, callback_carried_at = @now,
                   callback_days_carried = callback_days_carried + CASE WHEN @anotherDay THEN 1 ELSE 0 END
            WHERE tenant_id = @TenantId AND project_id = @projectId AND status = 'waiting' AND callback_number IS NOT NULL
              AND (callback_due_at IS NULL OR callback_due_at <= @now)
            RETURNING id, queue_id, callback_days_carried
            """;
        var calls = (await session.QueryAsync<(Guid Id, Guid QueueId, int DaysCarried)>(sql, new
        {
            session.TenantId, projectId, opens = opens.ToUniversalTime(), now, anotherDay = opening.NextOpensAnotherDay,
        }, ct)).ToList();
        var reason = $"the project is closed ({opening.ClosedBecause}); called back when it opens";
        foreach (var call in calls)
        {
            await session.PublishAsync(new CallbackCarriedOver(tenantId, call.Id, call.QueueId, projectId, opens, call.DaysCarried, reason, now), ct);
        }
        await session.CommitAsync(ct);
        if (calls.Count > 0)
        {
            LogCarriedOver(calls.Count, projectId, opens);
        }
        return calls.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} callbacks of project {ProjectId} wait for its next opening at {OpensAt}")]
    private partial void LogCarriedOver(int count, Guid projectId, DateTimeOffset opensAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The CRM did not say when project {ProjectId} opens; its callbacks wait as they are until the next sweep")]
    private partial void LogNoAnswer(Guid projectId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Callback day sweep failed; trying again at the next tick")]
    private partial void LogSweepFailed(Exception exception);
}

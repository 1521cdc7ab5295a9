using Dapper;
using Npgsql;
using Platform.Queue.Dispatch;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Hosting;

namespace Platform.Queue.Telephony;

public sealed class StaleCallOptions
{
    /// <summary>A live call (waiting, ringing, on a call; not a callback) the PBX has not reported on for this long is closed.</summary>
    public int StaleAfterMinutes { get; set; } = 240;

    /// <summary>How often the sweep looks.</summary>
    public int SweepSeconds { get; set; } = 60;
}

/// <summary>
/// Calls the PBX stopped talking about: no arrival, ring result, dial result, abandon or callback report for
/// <see cref="StaleCallOptions.StaleAfterMinutes"/> (a PBX that crashed and never resynchronised, a lost hang-up). Each is
/// settled as a resynchronisation would (<see cref="LiveCalls.SettleAsync"/>) with the reason, on every replica with
/// conditional updates, so two replicas settle a call once.
/// </summary>
public sealed partial class StaleCallSweep(
    [FromKeyedServices(CrossTenantDataSource.Key)] NpgsqlDataSource db, Dispatcher dispatcher, StaleCallOptions options, TimeProvider clock, ILogger<StaleCallSweep> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Periodically.RunAsync(TimeSpan.FromSeconds(options.SweepSeconds), SweepAsync, LogSweepFailed, stoppingToken);

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNowAsStored();
        List<(Guid TenantId, Guid CallId)> stale;
        await using (var connection = await DatabaseResilience.OpenAsync(db, ct))
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await connection.ExecuteAsync("SELECT set_config('app.system_task', 'routing', true)", transaction: transaction);
            stale = (await connection.QueryAsync<(Guid, Guid)>(new CommandDefinition("""
                SELECT tenant_id, id FROM calls
                WHERE status IN ('waiting', 'offered', 'on_call') AND callback_number IS NULL
                  AND COALESCE(pbx_seen_at, arrived_at) < @limit
                ORDER BY arrived_at LIMIT 200
                """, new { limit = now.AddMinutes(-options.StaleAfterMinutes) }, transaction, cancellationToken: ct))).ToList();
            await transaction.CommitAsync(ct);
        }
        var reason = $"no report from the PBX for {options.StaleAfterMinutes} minutes";
        var settled = 0;
        foreach (var (tenantId, callId) in stale)
        {
            if (await LiveCalls.SettleAsync(db, dispatcher, tenantId, callId, reason, now, ct))
            {
                settled++;
                LogSettled(callId, options.StaleAfterMinutes);
            }
        }
        return settled;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId} closed: no report from the PBX for {Minutes} minutes")]
    private partial void LogSettled(Guid callId, int minutes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stale-call sweep failed; trying again at the next tick")]
    private partial void LogSweepFailed(Exception exception);
}

using System.Diagnostics;
using Dapper;
using Npgsql;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Hosting;

namespace Platform.Queue.Dialer.Dialing;

/// <summary>
/// The dial loop of every replica: each tick it finds the running campaigns (across tenants, as the system task
/// <c>dialer</c>) and paces each one that no other replica is pacing at that moment (<see cref="CampaignTick"/>).
/// Nothing is kept in memory between ticks.
/// </summary>
public sealed partial class DialLoop(
    [FromKeyedServices(CrossTenantDataSource.Key)] NpgsqlDataSource systemDb, CampaignTick tick, DialerOptions options, ILogger<DialLoop> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Periodically.RunAsync(TimeSpan.FromMilliseconds(options.TickMilliseconds), RoundAsync, LogLoopFailed, stoppingToken);

    private async Task RoundAsync(CancellationToken ct)
    {
        foreach (var (tenantId, campaignId) in await RunningAsync(ct))
        {
            await TickOneAsync(tenantId, campaignId, ct);
        }
    }

    private async Task TickOneAsync(Guid tenantId, Guid campaignId, CancellationToken ct)
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            var outcome = await tick.RunAsync(tenantId, campaignId, ct);
            if (outcome.Paced)
            {
                DialerMetrics.Ticked(outcome, Stopwatch.GetElapsedTime(started)); // a campaign another replica paced now is not a tick here
            }
        }
        catch (Exception exception) when (!ct.IsCancellationRequested)
        {
            LogTickFailed(campaignId, exception.Message);
        }
    }

    private async Task<List<(Guid TenantId, Guid CampaignId)>> RunningAsync(CancellationToken ct)
    {
        await using var connection = await DatabaseResilience.OpenAsync(systemDb, ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync("SELECT set_config('app.system_task', 'dialer', true)", transaction: transaction);
        var running = (await connection.QueryAsync<(Guid, Guid)>(new CommandDefinition(
            """
            SELECT c.tenant_id, c.id FROM campaigns c
            WHERE c.state = 'running'
               OR EXISTS (SELECT 1 FROM campaign_dials d WHERE d.tenant_id = c.tenant_id AND d.campaign_id = c.id AND d.status IN ('ringing', 'answered'))
            ORDER BY c.last_tick_at NULLS FIRST LIMIT 500
            """,
            transaction: transaction, cancellationToken: ct))).ToList();
        await transaction.CommitAsync(ct);
        return running;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dial loop failed; trying again at the next tick")]
    private partial void LogLoopFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Campaign {CampaignId}: the tick failed ({Reason}); the next tick tries again")]
    private partial void LogTickFailed(Guid campaignId, string reason);
}

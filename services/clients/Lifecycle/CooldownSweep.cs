using Dapper;
using Npgsql;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Hosting;

namespace Platform.Clients.Lifecycle;

public sealed class CooldownOptions
{
    /// <summary>How often churned contacts whose cooldown is over are looked for.</summary>
    public int SweepSeconds { get; set; } = 60;
}

/// <summary>
/// Makes the lifecycle's one move that nobody records: a churned contact becomes potential again once the project's
/// cooldown is over. Finds the due contacts across tenants (the only rows the cooldown policy shows), then moves each
/// inside its own tenant's session; the conditional update lets replicas sweep at once without moving anything twice.
/// </summary>
public sealed partial class CooldownSweep([FromKeyedServices(CrossTenantDataSource.Key)] NpgsqlDataSource db, CooldownOptions options, TimeProvider clock, ILogger<CooldownSweep> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Periodically.RunAsync(TimeSpan.FromSeconds(options.SweepSeconds), SweepAsync, LogSweepFailed, stoppingToken, firstRoundAtStart: true);

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var due = await FindDueAsync(ct);
        var moved = 0;
        foreach (var (tenantId, contactId) in due)
        {
            moved += await MoveAsync(tenantId, contactId, ct) ? 1 : 0;
        }
        return moved;
    }

    private async Task<List<(Guid TenantId, Guid Id)>> FindDueAsync(CancellationToken ct)
    {
        await using var connection = await DatabaseResilience.OpenAsync(db, ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync("SELECT set_config('app.system_task', 'cooldown', true)", transaction: transaction);
        var due = await connection.QueryAsync<(Guid, Guid)>(new CommandDefinition(
            "SELECT tenant_id, id FROM contacts WHERE status = 'churned' AND cooldown_until <= now() ORDER BY cooldown_until LIMIT 500",
            transaction: transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return due.ToList();
    }

    private async Task<bool> MoveAsync(Guid tenantId, Guid contactId, CancellationToken ct)
    {
        var move = ContactLifecycle.Next(ContactStatus.Churned, LifecycleMove.CooldownElapsed);
        var now = clock.GetUtcNow();
        await using var session = await db.BeginTenantSessionAsync(tenantId, ct);
        const string sql = """
            UPDATE contacts SET status = @To, cooldown_until = NULL, updated_at = @now
            WHERE tenant_id = @tenantId AND id = @contactId AND status = 'churned' AND cooldown_until <= @now
            RETURNING project_id
            """;
        var projectId = await session.QuerySingleOrDefaultAsync<Guid?>(sql, new { To = ContactLifecycle.Name(move.To!.Value), now, tenantId, contactId }, ct);
        if (projectId is null)
        {
            return false; // another replica moved it
        }
        await StatusMoves.RecordAsync(session, contactId, projectId.Value, ContactStatus.Churned, move.To.Value, byUser: null, callId: null,
            "the project's cooldown after the contract ended is over", now, ct);
        await session.CommitAsync(ct);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cooldown sweep failed; trying again at the next tick")]
    private partial void LogSweepFailed(Exception exception);
}

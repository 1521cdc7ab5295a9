using System.Collections.Concurrent;
using System.Text.Json;
using Dapper;
using Npgsql;
using Platform.Queue.Telephony.Signing;
using Platform.ServiceDefaults.Database;
using Platform.ServiceDefaults.Hosting;

namespace Platform.Queue.Telephony.Webhooks;

/// <summary>
/// Pushes each tenant's PBX commands to its webhook (<see cref="WebhookApi"/>), on every replica. A replica claims the
/// tenants that are due and have commands waiting by a lease on their <c>pbx_webhooks</c> row (FOR UPDATE SKIP LOCKED),
/// so one replica at a time delivers a tenant's batches, in stream order (per call order included). A batch the PBX
/// answered 2xx is acknowledged in the stream; one it did not take after a round of retries stays there and the tenant
/// waits (<see cref="WebhookBackoff"/>). Commands live in PostgreSQL until acknowledged: a restart loses none, and a lease
/// left by a replica that died runs out.
/// </summary>
public sealed partial class WebhookRelay(
    [FromKeyedServices(CrossTenantDataSource.Key)] NpgsqlDataSource db, SigningSecrets secrets, WebhookSender sender,
    WebhookOptions options, TimeProvider clock, ILogger<WebhookRelay> logger) : BackgroundService
{
    private readonly Guid owner = Guid.NewGuid();
    private readonly ConcurrentDictionary<Guid, Task> running = new();

    private sealed record Claim(Guid TenantId, string Url, int Failures);

    private sealed record Pending(long Id, Guid CommandId, string Kind, Guid? CallId, string Body, DateTime CreatedAt);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.PollMilliseconds <= 0)
        {
            return;
        }
        await Periodically.RunAsync(TimeSpan.FromMilliseconds(options.PollMilliseconds), StartDueAsync, LogRelayFailed, stoppingToken, firstRoundAtStart: true);
        await Task.WhenAll(running.Values);
    }

    /// <summary>
    /// One tick: claims the tenants that are due and starts delivering to each on its own, so a slow or failing PBX holds up
    /// only its own tenant (a tenant this replica is delivering to holds its lease, so it is not claimed twice).
    /// </summary>
    private async Task StartDueAsync(CancellationToken ct)
    {
        var room = options.MaxTenantsPerTick - running.Count;
        if (room <= 0)
        {
            return;
        }
        foreach (var claim in await ClaimAsync(room, ct))
        {
            var delivery = DeliverGuardedAsync(claim, ct);
            running[claim.TenantId] = delivery;
            _ = delivery.ContinueWith(done => running.TryRemove(KeyValuePair.Create(claim.TenantId, done)), TaskScheduler.Default);
        }
    }

    private async Task DeliverGuardedAsync(Claim claim, CancellationToken ct)
    {
        try
        {
            await DeliverAsync(claim, ct);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException or JsonException)
        {
            LogRelayFailed(e);
            try
            {
                await ReleaseAsync(claim.TenantId, $"the platform could not deliver: {e.Message}", claim.Failures + 1, CancellationToken.None);
            }
            catch (Exception again) when (again is NpgsqlException or TimeoutException)
            {
                LogRelayFailed(again); // the lease runs out on its own
            }
        }
    }

    private async Task<List<Claim>> ClaimAsync(int max, CancellationToken ct)
    {
        var now = clock.GetUtcNowAsStored();
        await using var connection = await DatabaseResilience.OpenAsync(db, ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync("SELECT set_config('app.system_task', 'webhooks', true)", transaction: transaction);
        var claims = (await connection.QueryAsync<Claim>(new CommandDefinition("""
            UPDATE pbx_webhooks w SET lease_owner = @owner, lease_until = @until
            FROM (SELECT tenant_id FROM pbx_webhooks d
                  WHERE d.next_attempt_at <= @now AND (d.lease_until IS NULL OR d.lease_until < @now)
                    AND EXISTS (SELECT 1 FROM pbx_commands c WHERE c.tenant_id = d.tenant_id AND c.acked_at IS NULL)
                  ORDER BY d.next_attempt_at LIMIT @max FOR UPDATE SKIP LOCKED) due
            WHERE w.tenant_id = due.tenant_id
            RETURNING w.tenant_id, w.url, w.failures
            """, new { owner, now, until = now.AddSeconds(options.LeaseSeconds), max }, transaction, cancellationToken: ct))).ToList();
        await transaction.CommitAsync(ct);
        return claims;
    }

    /// <summary>The tenant's batches, oldest first, while the PBX takes them and the lease is this replica's.</summary>
    private async Task<int> DeliverAsync(Claim claim, CancellationToken ct)
    {
        var delivered = 0;
        try
        {
            while (true)
            {
                var (ids, body) = await NextBatchAsync(claim.TenantId, ct);
                if (ids.Length == 0)
                {
                    await ReleaseAsync(claim.TenantId, null, claim.Failures, CancellationToken.None);
                    return delivered;
                }
                var settings = await secrets.GetAsync(claim.TenantId, fresh: false, ct);
                var failure = settings is null
                    ? "the tenant has no PBX signing secret: rotate one (POST telephony/signing/secrets)"
                    : await sender.SendAsync(new Uri(claim.Url), settings.Secret, body, ct);
                if (failure is not null)
                {
                    await ReleaseAsync(claim.TenantId, failure, claim.Failures + 1, CancellationToken.None);
                    return delivered;
                }
                delivered += ids.Length;
                claim = claim with { Failures = 0 };
                if (!await AcknowledgeAsync(claim.TenantId, ids))
                {
                    return delivered; // the lease was lost (the webhook removed, or taken over after a stall): stop here
                }
                if (ct.IsCancellationRequested)
                {
                    await ReleaseAsync(claim.TenantId, null, 0, CancellationToken.None); // shutting down: the next replica starts at once
                    return delivered;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await ReleaseAsync(claim.TenantId, null, claim.Failures, CancellationToken.None); // shutting down: the next replica starts at once
            return delivered;
        }
    }

    private async Task<(long[] Ids, byte[] Body)> NextBatchAsync(Guid tenantId, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(tenantId, ct);
        var rows = (await session.QueryAsync<Pending>("""
            SELECT id, command_id, kind, call_id, body::text AS body, created_at FROM pbx_commands
            WHERE tenant_id = @TenantId AND acked_at IS NULL ORDER BY id LIMIT @limit
            """, new { session.TenantId, limit = Math.Clamp(options.BatchSize, 1, CommandStream.MaxBatch) }, ct)).ToList();
        await session.CommitAsync(ct);
        var batch = new CommandStream.CommandBatch(rows.Select(r => new CommandStream.Command(
            r.Id, r.CommandId, r.Kind, r.CallId, JsonDocument.Parse(r.Body).RootElement.Clone(), r.CreatedAt)).ToArray());
        return (rows.Select(r => r.Id).ToArray(), JsonSerializer.SerializeToUtf8Bytes(batch, JsonSerializerOptions.Web));
    }

    /// <summary>The batch is the PBX's: acknowledged in the stream, and the lease renewed. False when the lease is no longer ours.</summary>
    private async Task<bool> AcknowledgeAsync(Guid tenantId, long[] ids)
    {
        var now = clock.GetUtcNowAsStored();
        await using var session = await db.BeginTenantSessionAsync(tenantId, CancellationToken.None);
        var acked = await session.ExecuteAsync("""
            UPDATE pbx_commands SET acked_at = @now WHERE tenant_id = @TenantId AND id = ANY(@ids) AND acked_at IS NULL
            """, new { session.TenantId, ids, now }, CancellationToken.None);
        var ours = await session.ExecuteAsync("""
            UPDATE pbx_webhooks SET failures = 0, last_error = NULL, last_delivered_at = @now, delivered = delivered + @acked,
                next_attempt_at = @now, lease_until = @until
            WHERE tenant_id = @TenantId AND lease_owner = @owner
            """, new { session.TenantId, now, acked, owner, until = now.AddSeconds(options.LeaseSeconds) }, CancellationToken.None);
        await session.CommitAsync(CancellationToken.None);
        return ours == 1;
    }

    /// <summary>Gives the tenant up: at once when all was delivered, after the backoff when a round failed.</summary>
    private async Task ReleaseAsync(Guid tenantId, string? failure, int failures, CancellationToken ct)
    {
        var now = clock.GetUtcNowAsStored();
        await using var session = await db.BeginTenantSessionAsync(tenantId, ct);
        await session.ExecuteAsync("""
            UPDATE pbx_webhooks SET lease_owner = NULL, lease_until = NULL, failures = @failures, next_attempt_at = @next,
                last_error = COALESCE(@failure, last_error), last_failed_at = CASE WHEN @failure IS NULL THEN last_failed_at ELSE @now END
            WHERE tenant_id = @TenantId AND lease_owner = @owner
            """, new { session.TenantId, owner, failures, failure, now, next = now + WebhookBackoff.After(failures, options) }, ct);
        await session.CommitAsync(ct);
        if (failure is not null)
        {
            if (failures >= 3)
            {
                LogStillFailing(tenantId, failures, failure);
            }
            else
            {
                LogRoundFailed(tenantId, failures, failure);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "PBX webhook of tenant {TenantId} did not take a batch (round {Failures}): {Failure}")]
    private partial void LogRoundFailed(Guid tenantId, int failures, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PBX webhook of tenant {TenantId} has failed {Failures} rounds in a row: {Failure}")]
    private partial void LogStillFailing(Guid tenantId, int failures, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PBX webhook relay failed; trying again at the next tick")]
    private partial void LogRelayFailed(Exception exception);
}

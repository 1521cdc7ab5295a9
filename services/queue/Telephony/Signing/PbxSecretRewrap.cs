using Dapper;
using Npgsql;
using Platform.ServiceDefaults.Database;

namespace Platform.Queue.Telephony.Signing;

/// <summary>
/// At start-up, on every replica: seals the PBX signing secrets still stored as plain text (written before encryption) and
/// reseals those sealed with a key other than the current one (after a key rotation), each row by a conditional update,
/// so replicas doing it at once change a row once. The secrets themselves do not change: the PBX notices nothing.
/// </summary>
public sealed partial class PbxSecretRewrap(
    [FromKeyedServices(CrossTenantDataSource.Key)] NpgsqlDataSource db, PbxSecretProtector protector, SigningSecrets secrets,
    ILogger<PbxSecretRewrap> logger) : BackgroundService
{
    private sealed record Row(Guid TenantId, string Secret, string? PreviousSecret);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var resealed = await RewrapAsync(stoppingToken);
            if (resealed > 0)
            {
                LogResealed(resealed, protector.CurrentKeyId);
            }
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Security.Cryptography.CryptographicException)
        {
            LogFailed(e); // the rows stay readable as they are; the next start tries again
        }
    }

    /// <summary>The rows sealed anew.</summary>
    public async Task<int> RewrapAsync(CancellationToken ct)
    {
        await using var connection = await DatabaseResilience.OpenAsync(db, ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync("SELECT set_config('app.system_task', 'pbx_secrets', true)", transaction: transaction);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition("""
            SELECT tenant_id, secret, previous_secret FROM pbx_signing
            WHERE secret NOT LIKE @sealed OR previous_secret NOT LIKE @sealed
            FOR UPDATE SKIP LOCKED
            """, new { @sealed = $"{PbxSecretProtector.Prefix}{protector.CurrentKeyId}:%" }, transaction, cancellationToken: ct))).ToList();
        foreach (var row in rows)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE pbx_signing SET secret = @secret, previous_secret = @previous
                WHERE tenant_id = @TenantId AND secret = @oldSecret AND previous_secret IS NOT DISTINCT FROM @oldPrevious
                """, new
            {
                row.TenantId,
                secret = Reseal(row.TenantId, row.Secret),
                previous = row.PreviousSecret is { } p ? Reseal(row.TenantId, p) : null,
                oldSecret = row.Secret,
                oldPrevious = row.PreviousSecret,
            }, transaction, cancellationToken: ct));
        }
        await transaction.CommitAsync(ct);
        foreach (var row in rows)
        {
            secrets.Forget(row.TenantId);
        }
        return rows.Count;
    }

    private string Reseal(Guid tenantId, string stored) =>
        protector.NeedsRewrap(stored) ? protector.Protect(tenantId, protector.Unprotect(tenantId, stored)) : stored;

    [LoggerMessage(Level = LogLevel.Information, Message = "Sealed {Count} PBX signing secret row(s) with key {KeyId}")]
    private partial void LogResealed(int count, string keyId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sealing the PBX signing secrets failed; they stay as stored until the next start")]
    private partial void LogFailed(Exception exception);
}

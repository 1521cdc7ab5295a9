using Npgsql;
using Platform.ServiceDefaults.Database;

namespace Platform.Queue.Telephony.Signing;

/// <summary>
/// The nonces of a tenant's signed PBX requests, remembered in PostgreSQL (<c>pbx_nonces</c>) until the request's replay
/// window ends, so that every replica refuses a captured request sent again. The tenant's expired nonces go in the same
/// round trip as the new one is taken.
/// </summary>
public sealed class PbxNonces(NpgsqlDataSource db)
{
    /// <summary>True when the nonce is new (and is now taken until <paramref name="until"/>); false when it was used within its window.</summary>
    public async Task<bool> TakeAsync(Guid tenantId, string nonce, DateTimeOffset now, DateTimeOffset until, CancellationToken ct)
    {
        await using var session = await db.BeginTenantSessionAsync(tenantId, ct);
        var taken = await session.QuerySingleOrDefaultAsync<int?>("""
            DELETE FROM pbx_nonces WHERE tenant_id = @TenantId AND expires_at < @now;
            INSERT INTO pbx_nonces (tenant_id, nonce, seen_at, expires_at) VALUES (@TenantId, @nonce, @now, @until)
            ON CONFLICT (tenant_id, nonce) DO NOTHING RETURNING 1;
            """, new { session.TenantId, nonce, now, until }, ct);
        await session.CommitAsync(ct);
        return taken == 1;
    }
}

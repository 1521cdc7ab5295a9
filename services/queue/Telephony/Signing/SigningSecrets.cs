using System.Collections.Concurrent;
using Npgsql;
using Platform.ServiceDefaults.Database;

namespace Platform.Queue.Telephony.Signing;

/// <summary>
/// A tenant's PBX signing settings, read from <c>pbx_signing</c> (the secrets decrypted, <see cref="PbxSecretProtector"/>) and kept for <see cref="PbxSigningOptions.CacheSeconds"/>
/// so that a PBX's requests do not each cost a query. A signature that fails against the kept settings is checked again
/// against fresh ones before it is refused (a rotation on another replica is seen at once).
/// </summary>
public sealed class SigningSecrets(NpgsqlDataSource db, PbxSecretProtector protector, TimeProvider clock, PbxSigningOptions options)
{
    public sealed record Settings(string Secret, string? PreviousSecret, DateTime? PreviousValidUntil, bool Required, bool NonceRequired = false)
    {
        public IReadOnlyList<string> InForce(DateTimeOffset now) =>
            PreviousSecret is not null && PreviousValidUntil is { } until && now.UtcDateTime < until ? [Secret, PreviousSecret] : [Secret];
    }

    private readonly ConcurrentDictionary<Guid, (Settings? Settings, DateTimeOffset ReadAt)> kept = new();

    public async Task<Settings?> GetAsync(Guid tenantId, bool fresh, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!fresh && kept.TryGetValue(tenantId, out var entry) && now - entry.ReadAt < TimeSpan.FromSeconds(options.CacheSeconds))
        {
            return entry.Settings;
        }
        await using var session = await db.BeginTenantSessionAsync(tenantId, ct);
        var settings = await session.QuerySingleOrDefaultAsync<Settings>("""
            SELECT secret, previous_secret, previous_valid_until, required, nonce_required FROM pbx_signing WHERE tenant_id = @TenantId
            """, new { session.TenantId }, ct);
        await session.CommitAsync(ct);
        settings = settings is null ? null : settings with
        {
            Secret = protector.Unprotect(tenantId, settings.Secret),
            PreviousSecret = settings.PreviousSecret is { } previous ? protector.Unprotect(tenantId, previous) : null,
        };
        kept[tenantId] = (settings, now);
        return settings;
    }

    public void Forget(Guid tenantId) => kept.TryRemove(tenantId, out _);
}

/// <summary>Settings of signed PBX requests (section <c>Telephony</c>).</summary>
public sealed class PbxSigningOptions
{
    /// <summary>How far a request's signing time may be from the platform's clock, either side.</summary>
    public int SignatureToleranceSeconds { get; set; } = 300;

    /// <summary>How long a replica keeps a tenant's signing settings before reading them again.</summary>
    public int CacheSeconds { get; set; } = 5;
}

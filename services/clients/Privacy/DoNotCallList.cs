using System.Security.Cryptography;
using System.Text;
using Platform.ServiceDefaults.Database;

namespace Platform.Clients.Privacy;

public sealed class DoNotCallOptions
{
    /// <summary>DEVELOPMENT ONLY: refused at start-up in Production. Real deployments set <c>DoNotCall__HashKey</c> from a secret.</summary>
    public const string DevelopmentHashKey = "dev-only-do-not-call-hash-key-0123456789";

    /// <summary>The HMAC key of the list. Changing it forgets the list: every hash was made with the old key.</summary>
    public string HashKey { get; set; } = DevelopmentHashKey;
}

/// <summary>
/// The numbers that asked never to be called again, kept after their contact was erased: a keyed hash (HMAC-SHA256
/// over tenant and E.164 number), never the number, so the list identifies nobody without the key, and the same
/// number in another call center hashes differently. Per call center: a request not to be called binds every project.
/// </summary>
public sealed class DoNotCallList
{
    private readonly byte[] key;

    public DoNotCallList(DoNotCallOptions options)
    {
        if (options.HashKey.Length < 32)
        {
            throw new InvalidOperationException("DoNotCall:HashKey must be at least 32 characters.");
        }
        key = Encoding.UTF8.GetBytes(options.HashKey);
    }

    public static DoNotCallList From(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection("DoNotCall").Get<DoNotCallOptions>() ?? new DoNotCallOptions();
        if (environment.IsProduction() && options.HashKey == DoNotCallOptions.DevelopmentHashKey)
        {
            throw new InvalidOperationException("DoNotCall:HashKey is the development default; set a real key (DoNotCall__HashKey) in Production.");
        }
        return new DoNotCallList(options);
    }

    public string Hash(Guid tenantId, string e164) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{tenantId:N}:{e164}")));

    public async Task AddAsync(TenantSession session, string e164, DateTimeOffset now, CancellationToken ct) =>
        await session.ExecuteAsync("""
            INSERT INTO do_not_call_numbers (tenant_id, phone_hash, added_at) VALUES (@TenantId, @Hash, @now)
            ON CONFLICT (tenant_id, phone_hash) DO NOTHING
            """, new { session.TenantId, Hash = Hash(session.TenantId, e164), now }, ct);

    /// <summary>Which of these E.164 numbers are on the tenant's list.</summary>
    public async Task<IReadOnlySet<string>> ListedAsync(TenantSession session, IReadOnlyCollection<string> numbers, CancellationToken ct)
    {
        if (numbers.Count == 0)
        {
            return new HashSet<string>();
        }
        var byHash = numbers.Distinct().ToDictionary(n => Hash(session.TenantId, n));
        var listed = await session.QueryAsync<string>(
            "SELECT phone_hash FROM do_not_call_numbers WHERE tenant_id = @TenantId AND phone_hash = ANY(@Hashes)",
            new { session.TenantId, Hashes = byHash.Keys.ToArray() }, ct);
        return listed.Select(hash => byHash[hash]).ToHashSet();
    }

    public async Task<bool> IsListedAsync(TenantSession session, string e164, CancellationToken ct) =>
        (await ListedAsync(session, [e164], ct)).Count > 0;

    public const string Reason = "the number asked never to be called again (the call center's do-not-call list)";
}

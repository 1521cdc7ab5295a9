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
/// number in another call center hashes differently. Each entry binds the projects of one client company (the person
/// refused that seller) or, without a company, every project of the call center.
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

    /// <summary>Puts the number on the list for one client company's projects, or (company null) the whole call center.</summary>
    public async Task AddAsync(TenantSession session, string e164, Guid? clientCompanyId, string source, Guid? recordedBy, DateTimeOffset now,
        CancellationToken ct) =>
        await session.ExecuteAsync("""
            INSERT INTO do_not_call_numbers (tenant_id, phone_hash, added_at, client_company_id, source, recorded_by)
            VALUES (@TenantId, @Hash, @now, @clientCompanyId, @source, @recordedBy)
            ON CONFLICT (tenant_id, phone_hash, coalesce(client_company_id, '00000000-0000-0000-0000-000000000000'::uuid)) DO NOTHING
            """, new { session.TenantId, Hash = Hash(session.TenantId, e164), now, clientCompanyId, source, recordedBy }, ct);

    /// <summary>
    /// Which of these E.164 numbers may not be called in a project of <paramref name="clientCompanyId"/>: listed for the
    /// whole call center, or for that company.
    /// </summary>
    public async Task<IReadOnlySet<string>> ListedAsync(TenantSession session, IReadOnlyCollection<string> numbers, Guid? clientCompanyId, CancellationToken ct)
    {
        if (numbers.Count == 0)
        {
            return new HashSet<string>();
        }
        var byHash = numbers.Distinct().ToDictionary(n => Hash(session.TenantId, n));
        var listed = await session.QueryAsync<string>("""
            SELECT DISTINCT phone_hash FROM do_not_call_numbers
            WHERE tenant_id = @TenantId AND phone_hash = ANY(@Hashes) AND (client_company_id IS NULL OR client_company_id = @clientCompanyId)
            """, new { session.TenantId, Hashes = byHash.Keys.ToArray(), clientCompanyId }, ct);
        return listed.Select(hash => byHash[hash]).ToHashSet();
    }

    public async Task<bool> IsListedAsync(TenantSession session, string e164, Guid? clientCompanyId, CancellationToken ct) =>
        (await ListedAsync(session, [e164], clientCompanyId, ct)).Count > 0;

    /// <summary>The companies (null: the whole call center) for which a number is listed, to carry them over to a new number of the same person.</summary>
    public async Task<IReadOnlyList<Guid?>> ScopesOfAsync(TenantSession session, string e164, CancellationToken ct) =>
        (await session.QueryAsync<Guid?>("SELECT client_company_id FROM do_not_call_numbers WHERE tenant_id = @TenantId AND phone_hash = @Hash",
            new { session.TenantId, Hash = Hash(session.TenantId, e164) }, ct)).ToList();

    public const string Reason = "the number asked never to be called again (the do-not-call list)";
}

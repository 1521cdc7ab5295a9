using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Platform.ServiceDefaults.Database;

namespace Platform.Clients.Idempotency;

/// <summary>
/// A POST sent with an <c>Idempotency-Key</c> header: the first one with a key is carried out and its answer kept; a retry
/// with the same key and the same request (the same target and the same body, compared as parsed JSON) gets that answer
/// again and changes nothing; the same key with another request is refused (422). Keys are per tenant and operation.
/// <para>
/// The key is claimed in the request's own transaction before its work: two retries at once serialise on the key's row
/// (the second waits for the first's commit, then replays it), and a request that fails (400, 404, 409) commits nothing,
/// so its key stays free for a corrected retry.
/// </para>
/// </summary>
public sealed class IdempotentRequest
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 200;

    private IdempotentRequest(string operation, string key, string fingerprint, Guid contactId)
    {
        Operation = operation;
        Key = key;
        Fingerprint = fingerprint;
        ContactId = contactId;
    }

    public string Operation { get; }
    public string Key { get; }
    public string Fingerprint { get; }
    public Guid ContactId { get; }

    /// <summary>The request's key (null when it sent none), or the problem with the header.</summary>
    public static (IdempotentRequest? Request, string? Problem) Read<TBody>(HttpRequest http, string operation, Guid contactId, TBody body)
    {
        if (!http.Headers.TryGetValue(Header, out var values))
        {
            return (null, null);
        }
        var key = values.Count == 1 ? values[0]?.Trim() : null;
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength || key.Any(c => c < 0x21 || c > 0x7e))
        {
            return (null, $"One key of 1 to {MaxKeyLength} visible ASCII characters (a UUID, say).");
        }
        var canonical = $"{operation}\n{contactId}\n{JsonSerializer.Serialize(body, JsonSerializerOptions.Web)}";
        var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
        return (new IdempotentRequest(operation, key, fingerprint, contactId), null);
    }

    /// <summary>
    /// Claims the key in <paramref name="session"/>'s transaction: null when it is new (go on, then <see cref="RememberAsync"/>),
    /// otherwise the earlier answer to replay, or a 422 when the key was used for another request.
    /// </summary>
    public async Task<IResult?> ClaimAsync(TenantSession session, CancellationToken ct)
    {
        const string claim = """
            INSERT INTO idempotency_keys (tenant_id, operation, key, fingerprint, contact_id, created_at)
            VALUES (@TenantId, @Operation, @Key, @Fingerprint, @ContactId, now())
            ON CONFLICT (tenant_id, operation, key) DO NOTHING
            """;
        if (await session.ExecuteAsync(claim, new { session.TenantId, Operation, Key, Fingerprint, ContactId }, ct) == 1)
        {
            return null;
        }
        const string earlier = """
            SELECT fingerprint, status_code, location, body::text AS body FROM idempotency_keys
            WHERE tenant_id = @TenantId AND operation = @Operation AND key = @Key
            """;
        var kept = await session.QuerySingleOrDefaultAsync<KeptAnswer>(earlier, new { session.TenantId, Operation, Key }, ct);
        if (kept is null || kept.Fingerprint != Fingerprint)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The Idempotency-Key was used for another request.",
                detail: $"The key '{Key}' was first sent with another {Operation} (another contact or body); nothing was recorded. Use a new key for a new request.");
        }
        return new ReplayedAnswer(kept.StatusCode, kept.Location, kept.Body);
    }

    /// <summary>Keeps the answer with the key, in the same transaction as the work it answers.</summary>
    public Task RememberAsync<T>(TenantSession session, int statusCode, string? location, T body, CancellationToken ct)
    {
        const string sql = """
            UPDATE idempotency_keys SET status_code = @statusCode, location = @location, body = CAST(@Body AS jsonb)
            WHERE tenant_id = @TenantId AND operation = @Operation AND key = @Key
            """;
        return session.ExecuteAsync(sql, new
        {
            session.TenantId, Operation, Key, statusCode, location, Body = JsonSerializer.Serialize(body, JsonSerializerOptions.Web),
        }, ct);
    }

    private sealed record KeptAnswer(string Fingerprint, int StatusCode, string? Location, string Body);
}

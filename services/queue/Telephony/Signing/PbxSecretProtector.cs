using System.Security.Cryptography;
using System.Text;
using Platform.ServiceDefaults.Auth;

namespace Platform.Queue.Telephony.Signing;

/// <summary>Keys that encrypt the PBX signing secrets at rest (section <c>PbxSecrets</c>; docs/telephony.md, "Secrets at rest").</summary>
public sealed class PbxSecretOptions
{
    /// <summary>DEVELOPMENT ONLY: the key used when none is configured; refused at start-up in Production.</summary>
    public const string DevelopmentKeyId = "dev";
    public const string DevelopmentKey = "dev-only-pbx-secret-key-do-not-use-in-production-0123";
    public const int MinKeyLength = 32;

    /// <summary>The key new secrets are encrypted with.</summary>
    public string CurrentKeyId { get; set; } = DevelopmentKeyId;

    /// <summary>
    /// Key id → at least 32 random characters (from the Kubernetes Secret: <c>PbxSecrets__Keys__k1</c>); the AES key is
    /// derived from it with HKDF-SHA256. Older ids stay to read older rows until the rewrap at start-up has resealed them.
    /// </summary>
    public Dictionary<string, string> Keys { get; set; } = [];
}

/// <summary>
/// AES-256-GCM over each PBX signing secret, with the tenant's id as associated data (a row copied to another tenant does
/// not decrypt), stored as <c>enc:v1:{keyId}:{base64(nonce ‖ ciphertext ‖ tag)}</c>. The key comes from configuration
/// (a Kubernetes Secret), never from the database: a dump or backup of the queue database alone reveals no secret.
/// A stored value without the prefix is a secret written before encryption, read as it is until it is rewrapped.
/// </summary>
public sealed class PbxSecretProtector
{
    public const string Prefix = "enc:v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly Dictionary<string, byte[]> keys;

    public PbxSecretProtector(PbxSecretOptions options, bool production)
    {
        var given = new Dictionary<string, string>(options.Keys);
        if (given.Count == 0 && !production)
        {
            given[PbxSecretOptions.DevelopmentKeyId] = PbxSecretOptions.DevelopmentKey;
        }
        if (!given.TryGetValue(options.CurrentKeyId, out var current))
        {
            throw new InvalidOperationException($"PbxSecrets:CurrentKeyId is {options.CurrentKeyId}, which PbxSecrets:Keys does not hold: set PbxSecrets__Keys__{options.CurrentKeyId} (at least {PbxSecretOptions.MinKeyLength} random characters).");
        }
        if (production && ProductionSecrets.IsPublic(current))
        {
            throw new InvalidOperationException($"PbxSecrets:Keys:{options.CurrentKeyId} is a placeholder or development value.");
        }
        keys = given.ToDictionary(k => k.Key, k => Key(k.Key, k.Value));
        CurrentKeyId = options.CurrentKeyId;
    }

    public string CurrentKeyId { get; }

    public string Protect(Guid tenantId, string secret)
    {
        var plain = Encoding.UTF8.GetBytes(secret);
        var sealedBytes = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys[CurrentKeyId], TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), tenantId.ToByteArray());
        return $"{Prefix}{CurrentKeyId}:{Convert.ToBase64String(sealedBytes)}";
    }

    /// <summary>The secret; a value written before encryption comes back as it is. Throws when the value was altered, copied from another tenant or sealed with a key not configured.</summary>
    public string Unprotect(Guid tenantId, string stored)
    {
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return stored;
        }
        var rest = stored.AsSpan(Prefix.Length);
        var colon = rest.IndexOf(':');
        var keyId = rest[..Math.Max(colon, 0)].ToString();
        if (colon <= 0 || !keys.TryGetValue(keyId, out var key))
        {
            throw new CryptographicException($"A PBX signing secret is sealed with key '{keyId}', which PbxSecrets:Keys does not hold (keep retired keys until every row is rewrapped).");
        }
        var sealedBytes = Convert.FromBase64String(rest[(colon + 1)..].ToString());
        var length = sealedBytes.Length - NonceSize - TagSize;
        if (length < 0)
        {
            throw new CryptographicException("A PBX signing secret's sealed value is too short.");
        }
        var plain = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, length), sealedBytes.AsSpan(NonceSize + length), plain, tenantId.ToByteArray());
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>Whether a stored value should be sealed again: written before encryption, or sealed with a key other than the current one.</summary>
    public bool NeedsRewrap(string? stored) => stored is not null && !stored.StartsWith($"{Prefix}{CurrentKeyId}:", StringComparison.Ordinal);

    private static byte[] Key(string id, string value) =>
        value.Length >= PbxSecretOptions.MinKeyLength
            ? HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(value), 32, info: Encoding.ASCII.GetBytes("callcenter pbx signing secrets v1"))
            : throw new InvalidOperationException($"PbxSecrets:Keys:{id} must be at least {PbxSecretOptions.MinKeyLength} characters.");
}

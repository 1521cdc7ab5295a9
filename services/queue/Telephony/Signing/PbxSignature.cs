using System.Security.Cryptography;
using System.Text;

namespace Platform.Queue.Telephony.Signing;

/// <summary>
/// The HMAC of a request or answer between the platform and a PBX: HMAC-SHA256, keyed with the tenant's secret, over
/// <c>{timestamp}.{body}</c> (the Unix time in seconds, a dot, the body's bytes as sent), or <c>{timestamp}.{nonce}.{body}</c>
/// when the request carries a nonce, written <c>v1=&lt;64 lowercase hex digits&gt;</c>. A signature is good when its time
/// is inside the tolerance of now (either side) and it matches one of the secrets in force.
/// </summary>
public static class PbxSignature
{
    public const string TimestampHeader = "X-Pbx-Timestamp";
    public const string SignatureHeader = "X-Pbx-Signature";
    public const string NonceHeader = "X-Pbx-Nonce";
    public const string Scheme = "v1=";

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body, string? nonce = null)
    {
        var prefix = Encoding.ASCII.GetBytes(nonce is null ? $"{timestamp}." : $"{timestamp}.{nonce}.");
        var payload = new byte[prefix.Length + body.Length];
        prefix.CopyTo(payload, 0);
        body.CopyTo(payload.AsSpan(prefix.Length));
        return Scheme + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), payload));
    }

    /// <summary>Null when the signature is good; else why not, in words the PBX's integrator can act on.</summary>
    public static string? Refusal(string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body,
        IReadOnlyList<string> secrets, DateTimeOffset now, TimeSpan tolerance, string? nonce = null)
    {
        if (string.IsNullOrEmpty(timestampHeader) || string.IsNullOrEmpty(signatureHeader))
        {
            return $"The request is not signed: send {TimestampHeader} (Unix seconds) and {SignatureHeader} ({Scheme}<hex HMAC-SHA256 of \"timestamp.body\">).";
        }
        if (!long.TryParse(timestampHeader, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var timestamp))
        {
            return $"{TimestampHeader} must be the Unix time in whole seconds.";
        }
        if (nonce is not null && !IsNonce(nonce))
        {
            return $"{NonceHeader} must be 16 to 128 letters, digits, '-', '_', '.' or ':' (a UUID does), new for every request.";
        }
        var age = now - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(timestamp, 0, 253_402_300_799));
        if (age.Duration() > tolerance)
        {
            return $"The request was signed at {timestamp}, more than {tolerance.TotalSeconds:0} seconds from the platform's time {now.ToUnixTimeSeconds()}: a replay, or the PBX's clock is off.";
        }
        foreach (var secret in secrets)
        {
            var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body, nonce));
            if (CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signatureHeader.Trim())))
            {
                return null;
            }
        }
        return "The signature matches none of the tenant's PBX signing secrets in force.";
    }

    public static bool IsNonce(string nonce) =>
        nonce.Length is >= 16 and <= 128 && nonce.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');

    /// <summary>The signing time a signature's header gives (for how long its nonce must be remembered).</summary>
    public static DateTimeOffset SignedAt(string timestampHeader) =>
        DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(long.Parse(timestampHeader, System.Globalization.CultureInfo.InvariantCulture), 0, 253_402_300_799));

    /// <summary>A new secret: 32 random bytes, base64url (43 characters).</summary>
    public static string NewSecret() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

using System.Security.Cryptography;
using System.Text;

namespace Platform.Queue.Telephony.Signing;

/// <summary>
/// The HMAC of a request or answer between the platform and a PBX: HMAC-SHA256, keyed with the tenant's secret, over
/// <c>{timestamp}.{body}</c> (the Unix time in seconds, a dot, the body's bytes as sent), written
/// <c>v1=&lt;64 lowercase hex digits&gt;</c>. A signature is good when its time is inside the tolerance of now (either side)
/// and it matches one of the secrets in force.
/// </summary>
public static class PbxSignature
{
    public const string TimestampHeader = "X-Pbx-Timestamp";
    public const string SignatureHeader = "X-Pbx-Signature";
    public const string Scheme = "v1=";

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes($"{timestamp}.");
        var payload = new byte[prefix.Length + body.Length];
        prefix.CopyTo(payload, 0);
        body.CopyTo(payload.AsSpan(prefix.Length));
        return Scheme + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), payload));
    }

    /// <summary>Null when the signature is good; else why not, in words the PBX's integrator can act on.</summary>
    public static string? Refusal(string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body,
        IReadOnlyList<string> secrets, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(timestampHeader) || string.IsNullOrEmpty(signatureHeader))
        {
            return $"The request is not signed: send {TimestampHeader} (Unix seconds) and {SignatureHeader} ({Scheme}<hex HMAC-SHA256 of \"timestamp.body\">).";
        }
        if (!long.TryParse(timestampHeader, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var timestamp))
        {
            return $"{TimestampHeader} must be the Unix time in whole seconds.";
        }
        var age = now - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(timestamp, 0, 253_402_300_799));
        if (age.Duration() > tolerance)
        {
            return $"The request was signed at {timestamp}, more than {tolerance.TotalSeconds:0} seconds from the platform's time {now.ToUnixTimeSeconds()}: a replay, or the PBX's clock is off.";
        }
        foreach (var secret in secrets)
        {
            var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
            if (CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signatureHeader.Trim())))
            {
                return null;
            }
        }
        return "The signature matches none of the tenant's PBX signing secrets in force.";
    }

    /// <summary>A new secret: 32 random bytes, base64url (43 characters).</summary>
    public static string NewSecret() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

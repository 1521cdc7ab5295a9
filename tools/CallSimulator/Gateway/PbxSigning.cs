using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Platform.CallSimulator.Gateway;

/// <summary>
/// The PBX side of signed requests (docs/telephony.md, "Signed requests"), written from the contract as an adapter would:
/// HMAC-SHA256 with the tenant's secret over "timestamp.nonce.body", sent as <c>v1=&lt;hex&gt;</c>; the command stream's answers
/// carry the same headers, signed by the platform.
/// </summary>
public static class PbxSigning
{
    public const string TimestampHeader = "X-Pbx-Timestamp";
    public const string SignatureHeader = "X-Pbx-Signature";
    public const string NonceHeader = "X-Pbx-Nonce";

    /// <summary>With a nonce (X-Pbx-Nonce, new for every request) the HMAC is over "timestamp.nonce.body": the platform takes it once.</summary>
    public static string Sign(string secret, long timestamp, byte[] body, string? nonce = null) =>
        "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret),
            (byte[])[.. Encoding.ASCII.GetBytes(nonce is null ? $"{timestamp}." : $"{timestamp}.{nonce}."), .. body]));

    /// <summary>Whether an answer of the platform carries a good signature of its body.</summary>
    public static bool IsSignedAnswer(HttpResponseMessage response, string secret, byte[] body) =>
        response.Headers.TryGetValues(TimestampHeader, out var at) && response.Headers.TryGetValues(SignatureHeader, out var signature)
        && IsSigned(at.Single(), signature.Single(), secret, body);

    /// <summary>Whether a batch the platform pushed (or answered) carries a good signature of its body.</summary>
    public static bool IsSigned(string? timestampHeader, string? signatureHeader, string secret, byte[] body) =>
        long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp) && signatureHeader is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(signatureHeader));
}
